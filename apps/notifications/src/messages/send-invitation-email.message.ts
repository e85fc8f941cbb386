import { IsISO8601, IsUUID } from 'class-validator';
import type { SendInvitationEmailCommand } from '@app/contracts';
import { InvitationMailRecipientFields } from './invitation-mail-recipient.fields';

export class SendInvitationEmailMessage extends InvitationMailRecipientFields implements SendInvitationEmailCommand {
  @IsUUID()
  id: string;

  @IsISO8601()
  requestedAt: string;
}
