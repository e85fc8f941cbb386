import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PLAIN_TEXT } from '@app/contracts';

/** `POST /api/v1/auth/member-login` body; sent on as `MemberCredentials` of `@app/contracts`. */
export class MemberCredentials {
  @ApiProperty({ description: 'Account name or email', example: 'jane.doe' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  @Matches(PLAIN_TEXT, { message: 'login must not contain control characters' })
  login: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
