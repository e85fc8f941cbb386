import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MemberCredentials } from './member-credentials.dto';

/** `POST /api/v1/auth/member-password` body; sent on as `ChangeMemberPasswordCommand` of `@app/contracts`. */
export class MemberPasswordChange extends MemberCredentials {
  @ApiProperty({ description: 'The current password: for a member whose admin set one, that password' })
  declare password: string;

  @ApiProperty({ description: 'The new password: at least 12 characters, not a common one, not containing the account name or the email, not the current one' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  newPassword: string;
}
