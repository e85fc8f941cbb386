import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { Locale } from '../locale';

/** Asked of the members service to sign an admin in; the gateway's HTTP body has the same fields. */
export class AdminCredentials {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

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
