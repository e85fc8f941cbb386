import { Exchanges, MembersRpc, Queues, RoutingKeys } from '@app/contracts';
import { BrokerProbe, EventTap, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { MAIL_PREFETCH } from '../apps/notifications/src/mail-delivery/mail-delivery.worker';
import { activationToken, insertMailClaim, sentNotification } from './support/mail-fixtures';
import { MailMarker } from './support/mail-marker';
import { CLAIM_LEASE_MS, NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(30_000);

describe('exactly one activation mail per account', () => {
  const stack = new TestStack('notifications_once', rosterApps);
  let broker: BrokerProbe;
  let marker: MailMarker;
  let tap: EventTap;
  let admin: SignedInAdmin;

  const activationDetails = (token: string) => stack.membersRpc().send(MembersRpc.GetActivation, { token });

  const addresses = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}.${index + 1}@northwind.example`);

  /** The AccountCreated events of these members, as members published them. */
  const eventsOf = (memberIds: string[]) =>
    eventually(async () => {
      const events = tap.ofType('AccountCreated').filter((event) => memberIds.includes((event.body.data as { memberId: string }).memberId));
      return events.length >= memberIds.length ? events : undefined;
    }, 10_000, `AccountCreated of ${memberIds.length} members`);

  const republish = async (events: { body: Record<string, unknown> }[]) => {
    for (const event of events) await broker.publish(Exchanges.Events, RoutingKeys.AccountCreated, event.body, { messageId: String(event.body.id) });
  };

  const expectOneMailEach = async (emails: string[]) => {
    await stack.smtp.waitFor(() => emails.every((email) => stack.smtp.mailsTo(email).length > 0), 15_000);
    // A late duplicate is queued ahead of the marker's message.
    await marker.send();
    expect(emails.map((email) => stack.smtp.mailsTo(email).length)).toEqual(emails.map(() => 1));
  };

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    broker = await BrokerProbe.open(stack.amqpUrl);
    marker = await MailMarker.create(stack);
    tap = await EventTap.start(stack.amqpUrl, RoutingKeys.AccountCreated);
    admin = await stack.signInNewAdmin('Northwind', 'admin@northwind.example', 'en');
  });

  afterAll(async () => {
    await tap?.stop();
    await broker?.close();
    await stack.stop();
  });

  it('sends nothing more when an event is replayed, and the mailed link keeps working', async () => {
    const [email] = addresses('replayed', 1);
    const added = await stack.addMembers(admin, [email]);
    const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes(email));
    const events = await eventsOf(added.memberIds);
    expect(events).toHaveLength(1);

    await republish([...events, ...events]);

    await expectOneMailEach([email]);
    expect((await activationDetails(activationToken(mail))).memberId).toBe(added.of(email).memberId);
    expect(await sentNotification(stack, String(events[0].body.id))).toMatchObject({ kind: 'account-created', state: 'sent', attempt: 1 });
  });

  it('sends one mail per account when every event is queued twice', async () => {
    const emails = addresses('doubled', 5);
    await stack.stopNotifications();
    const added = await stack.addMembers(admin, emails);
    const events = await eventsOf(added.memberIds);
    expect(events).toHaveLength(5);
    await republish(events);

    await stack.startNotifications();

    await expectOneMailEach(emails);
    expect(await broker.take(Queues.NotificationsDead)).toEqual([]);
  });

  it('loses no mail and sends none twice when the service restarts mid-stream', async () => {
    // More mails than the service takes in at once: those it holds are sent before it stops.
    const emails = addresses('restart', MAIL_PREFETCH + 10);
    stack.smtp.latencyMs = 150;
    try {
      await stack.addMembers(admin, emails);
      await stack.smtp.waitFor((mail) => mail.to[0].startsWith('restart.'));
      await stack.stopNotifications();
      const sentBeforeRestart = stack.smtp.mails.filter((mail) => mail.to[0].startsWith('restart.')).length;
      expect(sentBeforeRestart).toBeLessThan(emails.length);

      await stack.startNotifications();

      await expectOneMailEach(emails);
    } finally {
      stack.smtp.latencyMs = 0;
    }
  });

  it('takes over the claim of a sender that stopped between claim and send, once its lease is over', async () => {
    const [email] = addresses('crashed', 1);
    await stack.stopNotifications();
    const added = await stack.addMembers(admin, [email]);
    const [event] = await eventsOf(added.memberIds);
    const claimedAt = new Date();
    const leaseUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MS);
    await insertMailClaim(stack, {
      _id: String(event.body.id),
      kind: 'account-created',
      claimId: 'a-sender-that-crashed',
      claimedAt,
      leaseUntil,
    });

    await stack.startNotifications();

    const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes(email), 10_000);
    expect(mail.receivedAt.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime());
    await expectOneMailEach([email]);
    expect(await sentNotification(stack, String(event.body.id))).toMatchObject({ state: 'sent' });
    expect((await activationDetails(activationToken(mail))).memberId).toBe(added.of(email).memberId);
  });
});
