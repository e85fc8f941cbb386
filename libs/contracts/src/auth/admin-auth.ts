import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { Locale } from '../locale';

export class AdminCredentials {
  @ApiProperty({ example: 'admin@contoso.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(1024)
  password: string;
}

export interface AdminIdentity {
  adminId: string;
  organizationId: string;
  email: string;
  locale: Locale;
}

export class AccessTokenResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;
}
