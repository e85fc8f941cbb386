import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import type { OutgoingMail } from '../smtp/mail-sender';
import { ActivationMailWriter } from './activation-mail.writer';
import { SendActivationEmailMessage } from '../messages/send-activation-email.message';

/** An admin asked for a new activation mail: the member gets one with a fresh link. */
@Injectable()
export class SendActivationEmailTrigger implements MailTrigger<SendActivationEmailMessage> {
  readonly kind = 'send-activation-email';
  readonly queue = NotificationQueues.ActivationRequests;
  readonly binding = { exchange: Exchanges.Commands, routingKey: RoutingKeys.SendActivationEmail };
  readonly schema = SendActivationEmailMessage;

  constructor(private readonly activationMail: ActivationMailWriter) {}

  identify(command: SendActivationEmailMessage): TriggerIdentity {
    return { id: command.id, logFields: { commandId: command.id, memberId: command.memberId } };
  }

  write(command: SendActivationEmailMessage): Promise<OutgoingMail> {
    return this.activationMail.write(command);
  }
}
