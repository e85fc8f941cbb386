import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /api/v1/auth/member-login` body; sent on as `MemberCredentials` of `@app/contracts`. */
export class MemberCredentials {
  @ApiProperty({ description: 'Account name or email', example: 'jane.doe' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  login: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
