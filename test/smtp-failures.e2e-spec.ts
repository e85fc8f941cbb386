import { randomUUID } from 'node:crypto';
import { ACCOUNT_CREATED_VERSION, BATCH_COMPLETED_VERSION, type BatchCompletedEvent, Exchanges, Queues, RoutingKeys } from '@app/contracts';
import { retryQueueName } from '@app/messaging';
import { BrokerProbe, EventTap, eventually, type QueuedMessage, type SignedInAdmin, TestStack } from '@app/testing';
import { sentNotification } from './support/mail-fixtures';
import { MailMarker } from './support/mail-marker';
import { NOTIFICATIONS_FOR_TESTS, RETRY_DELAYS_MS, rosterApps } from './support/roster-apps';

jest.setTimeout(30_000);

describe('SMTP outages, refusals and bad messages', () => {
  const stack = new TestStack('notifications_failures', rosterApps);
  let broker: BrokerProbe;
  let marker: MailMarker;
  let tap: EventTap;
  let admin: SignedInAdmin;
  const parked: QueuedMessage[] = [];

  const waitForParked = (predicate: (message: QueuedMessage) => boolean, what: string) =>
    eventually(async () => {
      parked.push(...(await broker.take(Queues.NotificationsDead)));
      return parked.find(predicate);
    }, 10_000, what);

  const eventOf = (memberId: string) =>
    eventually(async () => tap.ofType('AccountCreated').find((event) => (event.body.data as { memberId: string }).memberId === memberId), 10_000, `AccountCreated of ${memberId}`);

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    broker = await BrokerProbe.open(stack.amqpUrl);
    marker = await MailMarker.create(stack);
    tap = await EventTap.start(stack.amqpUrl, RoutingKeys.AccountCreated);
    admin = await stack.signInNewAdmin('Tailspin', 'admin@tailspin.example', 'en');
  });

  afterAll(async () => {
    await tap?.stop();
    await broker?.close();
    await stack.stop();
  });

  afterEach(() => stack.smtp.accept());

  it('tries again while the SMTP server is down, and delivers once it is back, without a restart', async () => {
    const email = 'while.down@tailspin.example';
    await stack.smtp.stop();
    const added = await stack.addMembers(admin, [email]);
    const retryQueues = RETRY_DELAYS_MS.map((delay) => retryQueueName(Queues.NotificationsAccountCreated, delay));
    await eventually(async () => ((await Promise.all(retryQueues.map((queue) => broker.depth(queue)))).some((depth) => depth > 0) ? true : undefined), 10_000, 'a mail waiting for a retry');

    await stack.smtp.restart();

    const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes(email));
    expect(mail.subject).toBe('Activate your Tailspin account');
    const event = await eventOf(added.of(email).memberId);
    // The outcome is written right after the SMTP server accepted the mail, with those sent at the same time.
    const record = await eventually(async () => (await sentNotification(stack, String(event.body.id))) ?? undefined, 5_000, 'the outcome of the mail');
    expect(record).toMatchObject({ state: 'sent' });
    expect(record?.attempt).toBeGreaterThanOrEqual(2);
    await stack.smtp.waitFor((candidate) => candidate.to.includes('admin@tailspin.example'));
  });

  it('parks a mail refused with 451 on every try in notifications.dead after the last try, with the reason', async () => {
    const email = 'greylisted@tailspin.example';
    stack.smtp.refuse(451);
    const added = await stack.addMembers(admin, [email]);

    const message = await waitForParked((candidate) => candidate.body.includes(added.of(email).memberId), 'the parked AccountCreated');

    expect(message.headers).toMatchObject({
      'x-failure-reason': 'gave up after 4 tries: SMTP server answered 451 Try again later',
      'x-attempts': 4,
      'x-work-queue': Queues.NotificationsAccountCreated,
    });
    expect(JSON.parse(message.body)).toMatchObject({ type: 'AccountCreated', data: { memberId: added.of(email).memberId } });
    const tries = stack.smtp.refusals.filter((refusal) => refusal.to === email).map((refusal) => refusal.at.getTime());
    expect(tries).toHaveLength(4);
    const waits = tries.slice(1).map((at, index) => at - tries[index]);
    waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[index] - 50));
    expect(stack.smtp.mailsTo(email)).toEqual([]);
    expect(await sentNotification(stack, String((await eventOf(added.of(email).memberId)).body.id))).toBeNull();
  });

  it('parks a mail refused with 550 at once, without trying again', async () => {
    const email = 'no.such.user@tailspin.example';
    stack.smtp.refuse(550);
    const added = await stack.addMembers(admin, [email]);

    const message = await waitForParked((candidate) => candidate.body.includes(added.of(email).memberId), 'the parked AccountCreated');

    expect(message.headers['x-failure-reason']).toBe('SMTP server answered 550 Mailbox unavailable');
    expect(message.headers['x-attempts']).toBeUndefined();
    // A retry would wait in the first retry queue, ahead of the marker, and then be accepted.
    stack.smtp.accept();
    await marker.send();
    expect(stack.smtp.refusals.filter((refusal) => refusal.to === email)).toHaveLength(1);
    expect(stack.smtp.mailsTo(email)).toEqual([]);
  });

  it('parks malformed messages with the reason, byte for byte, and goes on mailing', async () => {
    // The tap parses what it receives, and is done with: the tests after this one do not use it.
    await tap.stop();
    await broker.publish(Exchanges.Events, RoutingKeys.AccountCreated, Buffer.from('not json {'));
    await broker.publish(Exchanges.Events, RoutingKeys.AccountCreated, { id: 'nope', type: 'AccountCreated', version: ACCOUNT_CREATED_VERSION, data: { memberId: 42 } });

    const notJson = await waitForParked((candidate) => candidate.body === 'not json {', 'the parked text message');
    const badShape = await waitForParked((candidate) => candidate.body.includes('"nope"'), 'the parked bad event');

    expect(notJson.headers['x-failure-reason']).toBe('malformed message: the body is not JSON');
    expect(badShape.headers['x-failure-reason']).toContain('malformed message: id must be a UUID');
    expect(badShape.headers['x-failure-reason']).toContain('data.email must be an email');
    const email = 'after.garbage@tailspin.example';
    await stack.addMembers(admin, [email]);
    await stack.smtp.waitFor((candidate) => candidate.to.includes(email));
  });

  it('sends nothing and parks nothing for a batch the members service does not know', async () => {
    const event: BatchCompletedEvent = {
      id: randomUUID(),
      type: 'BatchCompleted',
      version: BATCH_COMPLETED_VERSION,
      occurredAt: new Date().toISOString(),
      organizationId: admin.organizationId,
      data: { batchId: randomUUID(), source: 'emails', status: 'completed', counts: { total: 1, valid: 0, invalid: 0, created: 1, failed: 0 }, startedByAdminId: randomUUID() },
    };

    await broker.publish(Exchanges.Events, RoutingKeys.BatchCompleted, event, { messageId: event.id });

    const record = await eventually(
      async () => {
        const found = await sentNotification(stack, event.id);
        return found ?? undefined;
      },
      10_000,
      'the dedupe record',
    );
    expect(record).toMatchObject({ state: 'skipped', skippedReason: expect.stringContaining('not_found') });
    expect(stack.smtp.mails.filter((mail) => mail.headers['x-roster-notification-id'] === event.id)).toEqual([]);
    parked.push(...(await broker.take(Queues.NotificationsDead)));
    expect(parked.filter((message) => message.body.includes(event.id))).toEqual([]);
  });
});
