import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { type ActivationMailRecipient, type Locale, LOCALES } from '@app/contracts';

/** What an activation mail says about its member, as both of its messages carry it. */
export class ActivationMailRecipientFields implements Omit<ActivationMailRecipient, 'organizationId'> {
  @IsUUID('4')
  memberId: string;

  @IsEmail({ allow_utf8_local_part: true })
  email: string;

  @IsString()
  @MinLength(1)
  accountName: string;

  @IsOptional()
  @IsString()
  firstName: string | null;

  @IsString()
  organizationName: string;

  @IsIn(LOCALES)
  locale: Locale;

  @IsBoolean()
  passwordSetByAdmin: boolean;
}
