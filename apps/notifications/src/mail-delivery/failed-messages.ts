import { Injectable, Logger } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { afterFailedAttempt, ATTEMPTS_HEADER, attemptsSoFar, MessageForwarder, RejectMessage } from '@app/messaging';
import { NotificationsEnvironment } from '../config/notifications.environment';
import type { MailQueueTopology } from './mail-queue-topology';

const FAILURE_REASON_HEADER = 'x-failure-reason';
/** On a parked message: the work queue to publish it back to once its cause is fixed. */
const WORK_QUEUE_HEADER = 'x-work-queue';

/** Pause before handing a message back to the broker when the broker itself is in trouble. */
const BROKER_TROUBLE_PAUSE_MS = 1_000;

export type LogContext = Record<string, unknown>;

/**
 * Where a message goes when its mail was not sent: a retry queue, or the dead queue. Each
 * resolves once the broker confirmed the copy, so the caller may then ack the original.
 */
@Injectable()
export class FailedMessages {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    private readonly forwarder: MessageForwarder,
    private readonly env: NotificationsEnvironment,
  ) {}

  /** After the try numbered `attempt` failed for a reason worth another try. */
  async retryOrPark(message: ConsumeMessage, topology: MailQueueTopology, attempt: number, reason: string, context: LogContext): Promise<void> {
    const next = afterFailedAttempt(attempt, this.env.MAIL_RETRY_DELAYS_MS);
    if (next.action === 'park') {
      return this.park(message, topology, `gave up after ${attempt} tries: ${reason}`, context, { [ATTEMPTS_HEADER]: attempt });
    }
    const tier = topology.retryTiers[next.tier];
    await this.forward(message, tier.queue, { [ATTEMPTS_HEADER]: attempt, [FAILURE_REASON_HEADER]: reason });
    this.logger.warn({ message: 'mail not sent; will try again', reason, retryInMs: tier.delayMs, ...context });
  }

  /**
   * Another delivery of the same message holds the claim: a duplicate being sent right now, or
   * the claim of a sender that stopped. Look again after the first delay, without counting a
   * try: by then the mail is sent, or the stopped sender's lease is running out.
   */
  async waitForClaim(message: ConsumeMessage, topology: MailQueueTopology, context: LogContext): Promise<void> {
    const tier = topology.retryTiers[0];
    const tries = attemptsSoFar(message.properties.headers);
    await this.forward(message, tier.queue, { [ATTEMPTS_HEADER]: tries, [FAILURE_REASON_HEADER]: 'another delivery holds the claim on this mail' });
    this.logger.log({ message: 'mail claimed by another delivery; looking again later', retryInMs: tier.delayMs, ...context });
  }

  async park(message: ConsumeMessage, topology: MailQueueTopology, reason: string, context: LogContext, headers: Record<string, unknown> = {}): Promise<void> {
    await this.forward(message, topology.deadQueue, { ...headers, [FAILURE_REASON_HEADER]: reason, [WORK_QUEUE_HEADER]: topology.queue });
    this.logger.error({ message: `message parked in ${topology.deadQueue}`, reason, ...context });
  }

  /** When even the copy cannot be made, the message goes back to the broker, which keeps it. */
  private async forward(message: ConsumeMessage, queue: string, headers: Record<string, unknown>): Promise<void> {
    try {
      await this.forwarder.forward(message, queue, headers);
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, BROKER_TROUBLE_PAUSE_MS));
      throw new RejectMessage(`could not copy the message to ${queue}: ${(error as Error).message}`, true);
    }
  }
}
