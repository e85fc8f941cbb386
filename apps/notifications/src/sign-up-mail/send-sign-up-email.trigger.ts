import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import { NotificationsEnvironment } from '../config/notifications.environment';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import { MailTemplates } from '../mail-templates/mail-templates';
import { SendSignUpEmailMessage } from '../messages/send-sign-up-email.message';
import type { OutgoingMail } from '../smtp/mail-sender';
import { VerificationLinks } from './verification-links';

/**
 * Someone signed up: the address gets a link to verify it, or, when an account already has it,
 * a mail saying so. The sign-up's HTTP answer is the same either way; only this mail differs.
 */
@Injectable()
export class SendSignUpEmailTrigger implements MailTrigger<SendSignUpEmailMessage> {
  readonly kind = 'send-sign-up-email';
  readonly queue = NotificationQueues.SignUpMails;
  readonly binding = { exchange: Exchanges.Commands, routingKey: RoutingKeys.SendSignUpEmail };
  readonly schema = SendSignUpEmailMessage;

  constructor(
    private readonly links: VerificationLinks,
    private readonly templates: MailTemplates,
    private readonly env: NotificationsEnvironment,
  ) {}

  identify(command: SendSignUpEmailMessage): TriggerIdentity {
    return { id: command.id, logFields: { commandId: command.id, accountId: command.accountId, mail: command.kind } };
  }

  async write(command: SendSignUpEmailMessage): Promise<OutgoingMail> {
    if (command.kind === 'account_exists') {
      const mail = this.templates.render('account-exists', command.locale, {
        accountName: command.accountName,
        firstName: command.firstName,
        signInUrl: new URL('/signin', this.env.PUBLIC_URL).toString(),
        businessAccount: command.businessAccount,
      });
      return { to: command.email, ...mail };
    }
    const link = await this.links.issue(command.accountId);
    const mail = this.templates.render('verify-email', command.locale, {
      accountName: command.accountName,
      firstName: command.firstName,
      verificationUrl: link.verificationUrl,
      expiresAt: new Date(link.expiresAt),
    });
    return { to: command.email, ...mail };
  }
}
