import { Injectable, Logger } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { attemptsSoFar } from '@app/messaging';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { MailSender } from '../smtp/mail-sender';
import { NothingToSend, PermanentFailure } from '../delivery-failures/delivery-failures';
import { FailedMessages, type LogContext } from './failed-messages';
import type { MailQueueTopology } from './mail-queue-topology';
import type { MailTrigger } from './mail-trigger';
import { parseMessage } from '../messages/parse-message';
import { type Claim, SentNotificationsRepository } from './persistence/sent-notifications.repository';

const RECORD_SENT_TRIES = 3;

/**
 * One message, one try at its mail: check it, claim its id, write the mail, send it, record it.
 * Resolving means the message may be acked: the mail was accepted by the SMTP server, was not
 * needed, or a copy of the message is safely in a retry queue or the dead queue.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    private readonly notifications: SentNotificationsRepository,
    private readonly sender: MailSender,
    private readonly failed: FailedMessages,
    private readonly env: NotificationsEnvironment,
  ) {}

  async deliver(trigger: MailTrigger, topology: MailQueueTopology, message: ConsumeMessage): Promise<void> {
    const parsed = parseMessage(trigger.schema, message.content);
    if (!parsed.ok) {
      return this.failed.park(message, topology, parsed.reason, { kind: trigger.kind, messageId: message.properties.messageId });
    }
    const { id, logFields } = trigger.identify(parsed.value);
    const attempt = attemptsSoFar(message.properties.headers) + 1;
    const context: LogContext = { kind: trigger.kind, ...logFields, attempt };

    let claim: Claim;
    try {
      claim = await this.notifications.claim(id, trigger.kind, this.env.MAIL_CLAIM_LEASE_MS);
    } catch (error) {
      return this.failed.retryOrPark(message, topology, attempt, `dedupe store unavailable: ${(error as Error).message}`, context);
    }
    if (claim.status === 'done') {
      this.logger.log({ message: 'duplicate message ignored: its mail was already handled', state: claim.state, ...context });
      return;
    }
    if (claim.status === 'busy') return this.failed.waitForClaim(message, topology, context);

    try {
      const mail = await trigger.write(parsed.value);
      await this.sender.send(mail, id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof NothingToSend) {
        await this.notifications.markSkipped(id, trigger.kind, attempt, reason).catch(() => undefined);
        this.logger.log({ message: 'no mail to send', reason, ...context });
        return;
      }
      // A claim that cannot be released now expires with its lease; the retry waits for that.
      await this.notifications.release(id, claim.claimId).catch(() => undefined);
      if (error instanceof PermanentFailure) return this.failed.park(message, topology, reason, context);
      return this.failed.retryOrPark(message, topology, attempt, reason, context);
    }
    await this.recordSent(id, trigger.kind, attempt, context);
    this.logger.log({ message: 'mail sent', ...context });
  }

  /**
   * The mail is out: the message is acked whatever happens here, since a retry would send it
   * again now. Only a replay of the same event after a failed record could still do so.
   */
  private async recordSent(id: string, kind: string, attempt: number, context: LogContext): Promise<void> {
    for (let tries = 1; tries <= RECORD_SENT_TRIES; tries++) {
      try {
        if (!(await this.notifications.markSent(id, kind, attempt))) {
          this.logger.warn({ message: 'another delivery recorded this mail while it was being sent; it may have gone out twice', ...context });
        }
        return;
      } catch (error) {
        if (tries === RECORD_SENT_TRIES) {
          this.logger.error({ message: 'mail sent but not recorded as sent', reason: (error as Error).message, ...context });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * tries));
      }
    }
  }
}
