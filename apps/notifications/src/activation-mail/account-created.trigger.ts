import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import type { OutgoingMail } from '../smtp/mail-sender';
import { AccountCreatedMessage } from '../messages/account-created.message';
import { ActivationMailWriter } from './activation-mail.writer';

/** A new business account: its member gets the activation mail. */
@Injectable()
export class AccountCreatedTrigger implements MailTrigger<AccountCreatedMessage> {
  readonly kind = 'account-created';
  readonly queue = NotificationQueues.AccountCreated;
  readonly binding = { exchange: Exchanges.Events, routingKey: RoutingKeys.AccountCreated };
  readonly schema = AccountCreatedMessage;

  constructor(private readonly activationMail: ActivationMailWriter) {}

  identify(event: AccountCreatedMessage): TriggerIdentity {
    return { id: event.id, logFields: { eventId: event.id, memberId: event.data.memberId } };
  }

  write(event: AccountCreatedMessage): Promise<OutgoingMail> {
    return this.activationMail.write({ ...event.data, organizationId: event.organizationId });
  }
}
