import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import { MemberInvitedMessage } from '../messages/member-invited.message';
import type { OutgoingMail } from '../smtp/mail-sender';
import { InvitationMailWriter } from './invitation-mail.writer';

/** An organization invited a personal account (a batch's commit, or by account name): the person gets the invitation mail. */
@Injectable()
export class MemberInvitedTrigger implements MailTrigger<MemberInvitedMessage> {
  readonly kind = 'member-invited';
  readonly queue = NotificationQueues.Invitations;
  readonly binding = { exchange: Exchanges.Events, routingKey: RoutingKeys.MemberInvited };
  readonly schema = MemberInvitedMessage;

  constructor(private readonly invitationMail: InvitationMailWriter) {}

  identify(event: MemberInvitedMessage): TriggerIdentity {
    return { id: event.id, logFields: { eventId: event.id, invitationId: event.data.invitationId, memberId: event.data.memberId } };
  }

  async write(event: MemberInvitedMessage): Promise<OutgoingMail> {
    return this.invitationMail.write(event.data);
  }
}
