import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** `DELETE /api/v1/account` body: the account's password, checked as at sign-in. */
export class DeletePersonalAccountRequest {
  @ApiProperty({ minLength: 1, maxLength: 1024, description: 'The account’s current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
