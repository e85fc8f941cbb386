import { IsString, Matches, MinLength } from 'class-validator';
import { PublicUrlEnvironment } from '@app/config';

export class NotificationsEnvironment extends PublicUrlEnvironment {
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  @MinLength(3, { message: 'MAIL_FROM must be an address such as "Roster <no-reply@roster.local>"' })
  MAIL_FROM = 'Roster <no-reply@roster.local>';
}
