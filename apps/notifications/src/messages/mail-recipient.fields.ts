import { IsEmail, IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { type Locale, LOCALES } from '@app/contracts';

/** What every mail to a person says about them, whatever the message that asks for it: where it goes, their account, how to greet them, in which language. */
export class MailRecipientFields {
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
}
