import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import { SendInvitationEmailMessage } from '../messages/send-invitation-email.message';
import type { OutgoingMail } from '../smtp/mail-sender';
import { InvitationMailWriter } from './invitation-mail.writer';

/** An admin resent an invitation: the person gets the same mail again, with the same link. */
@Injectable()
export class SendInvitationEmailTrigger implements MailTrigger<SendInvitationEmailMessage> {
  readonly kind = 'send-invitation-email';
  readonly queue = NotificationQueues.InvitationResends;
  readonly binding = { exchange: Exchanges.Commands, routingKey: RoutingKeys.SendInvitationEmail };
  readonly schema = SendInvitationEmailMessage;

  constructor(private readonly invitationMail: InvitationMailWriter) {}

  identify(command: SendInvitationEmailMessage): TriggerIdentity {
    return { id: command.id, logFields: { commandId: command.id, invitationId: command.invitationId, memberId: command.memberId } };
  }

  async write(command: SendInvitationEmailMessage): Promise<OutgoingMail> {
    return this.invitationMail.write(command);
  }
}
