import { randomUUID } from 'node:crypto';
import { Queues, RoutingKeys } from '@app/contracts';
import { retryQueueName } from '@app/messaging';
import { BrokerProbe, type CapturedMail, EventTap, type TestStack } from '@app/testing';
import { RETRY_DELAYS_MS } from './roster-apps';

const MARKER_EMAIL = 'marker@marker.example';

/**
 * Shows that no more mail is coming, without waiting a fixed time. Each `send()` publishes its
 * member's AccountCreated again under a new id (a new event, so one more mail), after what the
 * test did, into the first retry queue of `notifications.account-created` and at the lowest
 * priority: whatever waits there or in the work queue before it is handed out before it. Once its
 * mail is in, a duplicate or a first retry of an earlier message has been handled too.
 */
export class MailMarker {
  private constructor(
    private readonly stack: TestStack,
    private readonly event: Record<string, unknown>,
  ) {}

  /** Adds the marker's member, in an organization of its own, and waits for its first mail. */
  static async create(stack: TestStack): Promise<MailMarker> {
    const tap = await EventTap.start(stack.amqpUrl, RoutingKeys.AccountCreated);
    try {
      const admin = await stack.signInNewAdmin('Marker', 'admin@marker.example', 'en');
      const { memberId } = (await stack.addMembers(admin, [MARKER_EMAIL])).of(MARKER_EMAIL);
      const [event] = await tap.waitFor('AccountCreated', 1);
      if ((event.body.data as { memberId: string }).memberId !== memberId) throw new Error('the marker tap saw another member first');
      await stack.smtp.waitFor((mail) => mail.to.includes(MARKER_EMAIL));
      return new MailMarker(stack, event.body);
    } finally {
      await tap.stop();
    }
  }

  async send(): Promise<CapturedMail> {
    const id = randomUUID();
    const broker = await BrokerProbe.open(this.stack.amqpUrl);
    try {
      await broker.publish('', retryQueueName(Queues.NotificationsAccountCreated, RETRY_DELAYS_MS[0]), { ...this.event, id }, { messageId: id });
    } finally {
      await broker.close();
    }
    const [mail] = await this.stack.smtp.waitFor((candidate) => candidate.headers['x-roster-notification-id'] === id, 15_000);
    return mail;
  }
}
