import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { type Locale, LOCALES, type SendSignUpEmailCommand, SIGN_UP_MAIL_KINDS, type SignUpMailKind } from '@app/contracts';

export class SendSignUpEmailMessage implements SendSignUpEmailCommand {
  @IsUUID()
  id: string;

  @IsISO8601()
  requestedAt: string;

  @IsIn(SIGN_UP_MAIL_KINDS)
  kind: SignUpMailKind;

  @IsUUID('4')
  accountId: string;

  @IsEmail({ allow_utf8_local_part: true })
  email: string;

  @IsString()
  @MinLength(1)
  accountName: string;

  @IsOptional()
  @IsString()
  firstName: string | null;

  @IsIn(LOCALES)
  locale: Locale;

  @IsBoolean()
  businessAccount: boolean;
}
