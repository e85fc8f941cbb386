import { IsBoolean, IsIn, IsISO8601, IsUUID } from 'class-validator';
import { type SendSignUpEmailCommand, SIGN_UP_MAIL_KINDS, type SignUpMailKind } from '@app/contracts';
import { MailRecipientFields } from './mail-recipient.fields';

export class SendSignUpEmailMessage extends MailRecipientFields implements SendSignUpEmailCommand {
  @IsUUID()
  id: string;

  @IsISO8601()
  requestedAt: string;

  @IsIn(SIGN_UP_MAIL_KINDS)
  kind: SignUpMailKind;

  @IsUUID('4')
  accountId: string;

  @IsBoolean()
  businessAccount: boolean;
}
