import { randomUUID } from 'node:crypto';
import { type ChannelModel, connect } from 'amqplib';
import { Exchanges, Queues, RoutingKeys } from '@app/contracts';
import { ConfirmedPublisher, MessageTooLargeError, PublishFailedError } from '@app/messaging';
import { EventTap, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { BATCH_WORK_QUEUE } from '../apps/members/src/member-batches/batch-work/batch-work.queue';
import { LogLines } from './support/log-lines';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

/**
 * The broker closes a single channel, the connection staying up, when an exchange is missing, a
 * consumer's queue is deleted or a declaration contradicts a queue (or a message is too large,
 * which Roster now refuses before sending). Each
 * case is provoked here on the real broker; then an admin adds members through the gateway: the
 * batch completes, its events reach a subscriber and its welcome mails go out.
 */
describe('channels the broker closes are opened again', () => {
  const stack = new TestStack('channel_recovery', rosterApps);
  let logs: LogLines;
  let broker: ChannelModel;
  let tap: EventTap;
  let admin: SignedInAdmin;

  const logged = (what: string, predicate: (line: Record<string, unknown>) => boolean) => eventually(async () => logs.find(predicate), 15_000, what);

  /** Consumers on a queue now, or undefined when the queue does not exist (a failed check closes only its own channel). */
  async function consumersOn(queue: string): Promise<number | undefined> {
    const channel = await broker.createChannel();
    channel.on('error', () => undefined);
    try {
      return (await channel.checkQueue(queue)).consumerCount;
    } catch {
      return undefined;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** Adds members through the gateway and waits for everything they set off: completion, events, mails. */
  async function membersAreAddedAndWelcomed(emails: string[]): Promise<void> {
    const added = await stack.addMembers(admin, emails);
    await eventually(
      async () => {
        const tapped = new Set(tap.ofType('AccountCreated').map((event) => (event.body.data as { memberId: string }).memberId));
        return added.memberIds.every((id) => tapped.has(id)) ? true : undefined;
      },
      20_000,
      'AccountCreated of every new member at a subscriber',
    );
    for (const email of emails) await stack.smtp.waitFor((mail) => mail.to.includes(email), 20_000);
  }

  beforeAll(async () => {
    await stack.start({ members: { LOG_LEVEL: 'log' }, notifications: NOTIFICATIONS_FOR_TESTS });
    logs = LogLines.capture();
    broker = await connect(stack.amqpUrl);
    tap = await EventTap.start(stack.amqpUrl, RoutingKeys.AccountCreated);
    admin = await stack.signInNewAdmin('Litware', 'admin@litware.example', 'en');
    await membersAreAddedAndWelcomed(['first@litware.example']);
  });

  afterAll(async () => {
    logs?.restore();
    await tap?.stop();
    await broker?.close().catch(() => undefined);
    await stack.stop();
  });

  it('publishes again after a publish to a missing exchange (404 NOT_FOUND)', async () => {
    const publisher = stack.members!.app.get(ConfirmedPublisher);

    // A name the members service's broker user may write to, so that the broker answers 404, not 403.
    await expect(publisher.publish('members.batch-work.no-such-exchange', 'member.account.created', { probe: true }, { messageId: randomUUID() })).rejects.toThrow(PublishFailedError);

    expect(publisher.isReady).toBe(false);
    await logged('the broker closing the publisher channel', (line) => line.message === 'RabbitMQ closed a channel' && line.channel === 'publisher' && /NOT_FOUND/.test(String(line.reason)));
    await eventually(async () => (publisher.isReady ? true : undefined), 5_000, 'the publisher channel open again');
    await membersAreAddedAndWelcomed(['after.not-found@litware.example', 'after.not-found.2@litware.example']);
  });

  it('refuses a message over the 16 MiB RabbitMQ 4 takes before the broker sees it, and keeps its channel', async () => {
    const publisher = stack.members!.app.get(ConfirmedPublisher);

    await expect(publisher.publish(Exchanges.Events, 'test.oversized', 'x'.repeat(16 * 1024 * 1024), { messageId: randomUUID() })).rejects.toThrow(MessageTooLargeError);

    expect(publisher.isReady).toBe(true);
    await membersAreAddedAndWelcomed(['after.oversized@litware.example']);
  });

  it('consumes again after the queues under its consumers were deleted: work queue and mail queue declared again', async () => {
    const channel = await broker.createChannel();
    await channel.deleteQueue(BATCH_WORK_QUEUE);
    await channel.deleteQueue(Queues.NotificationsAccountCreated);
    await channel.close();

    await logged('the mail consumer cancelled', (line) => line.message === 'consumer cancelled by RabbitMQ; declaring its queue again' && line.queue === Queues.NotificationsAccountCreated);
    await logged('the work consumer cancelled', (line) => line.message === 'consumer cancelled by RabbitMQ; declaring its queue again' && line.queue === BATCH_WORK_QUEUE);
    await eventually(async () => ((await consumersOn(Queues.NotificationsAccountCreated)) === 1 ? true : undefined), 10_000, 'the mail queue declared again, with its consumer');
    await eventually(async () => ((await consumersOn(BATCH_WORK_QUEUE)) === 1 ? true : undefined), 10_000, 'the work queue declared again, with its consumer');
    await membersAreAddedAndWelcomed(['after.deleted.queues@litware.example', 'after.deleted.queues.2@litware.example']);
  });

  it('answers requests again after its RPC queue was deleted and declared against it (406 PRECONDITION_FAILED) for a while', async () => {
    const channel = await broker.createChannel();
    await channel.deleteQueue(Queues.MembersRpc);
    // Before the members service declares it again (it waits a moment): a queue it cannot use as it is.
    await channel.assertQueue(Queues.MembersRpc, { durable: false });

    await logged('the members service refused its own queue', (line) => line.channel === 'consumer members.rpc' && /PRECONDITION_FAILED - inequivalent arg 'durable'/.test(String(line.reason)));
    expect(await consumersOn(Queues.MembersRpc)).toBe(0);
    await channel.deleteQueue(Queues.MembersRpc);
    await channel.close();

    await eventually(async () => ((await consumersOn(Queues.MembersRpc)) === 1 ? true : undefined), 40_000, 'members.rpc declared again by the members service, with its consumer');
    await membersAreAddedAndWelcomed(['after.rpc.queue@litware.example']);
  });

  it('fails a request at once, not after RPC_TIMEOUT_MS, while no members.rpc queue exists to take it', async () => {
    await stack.members!.close();
    stack.members = undefined;
    const channel = await broker.createChannel();
    await channel.deleteQueue(Queues.MembersRpc);
    await channel.close();

    const started = Date.now();
    const response = await stack.http().get('/api/v1/member-batches').set({ Authorization: `Bearer ${admin.token}` });
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('service_unavailable');
    expect(Date.now() - started).toBeLessThan(Number(stack.sharedEnvironment.RPC_TIMEOUT_MS) / 2);

    await stack.startMembers({ LOG_LEVEL: 'log' });
    await membersAreAddedAndWelcomed(['after.restart@litware.example']);
  });
});
