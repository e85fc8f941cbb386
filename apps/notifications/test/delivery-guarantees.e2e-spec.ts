import { Exchanges, RoutingKeys } from '@app/contracts';
import { EventTap, eventually } from '@app/testing';
import type { SignedInAdmin } from '../../gateway/test/support/test-stack';
import { MAIL_PREFETCH } from '../src/mail-delivery/mail-delivery.worker';
import { activationToken, CLAIM_LEASE_MS, NotificationsStack } from './support/notifications-stack';

jest.setTimeout(30_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exactly one activation mail per account', () => {
  const env = new NotificationsStack('notifications_once');
  let tap: EventTap;
  let admin: SignedInAdmin;

  const addresses = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}.${index + 1}@northwind.example`);

  /** The AccountCreated events of these members, as members published them. */
  const eventsOf = (memberIds: string[]) =>
    eventually(async () => {
      const events = tap.ofType('AccountCreated').filter((event) => memberIds.includes((event.body.data as { memberId: string }).memberId));
      return events.length >= memberIds.length ? events : undefined;
    }, 10_000, `AccountCreated of ${memberIds.length} members`);

  const republish = async (events: { body: Record<string, unknown> }[]) => {
    for (const event of events) await env.publish(Exchanges.Events, RoutingKeys.AccountCreated, event.body, String(event.body.id));
  };

  const expectOneMailEach = async (emails: string[]) => {
    await env.smtp.waitFor(() => emails.every((email) => env.smtp.mailsTo(email).length > 0), 15_000);
    // Late duplicates would arrive within a few retry delays.
    await pause(1_500);
    expect(emails.map((email) => env.smtp.mailsTo(email).length)).toEqual(emails.map(() => 1));
  };

  beforeAll(async () => {
    await env.start();
    tap = await EventTap.start(env.stack.amqpUrl, RoutingKeys.AccountCreated);
    admin = await env.stack.signInNewAdmin('Northwind', 'admin@northwind.example', 'en');
  });

  afterAll(async () => {
    await tap?.stop();
    await env.stop();
  });

  it('sends nothing more when an event is replayed, and the mailed link keeps working', async () => {
    const [email] = addresses('replayed', 1);
    const added = await env.addMembers(admin, [email]);
    const [mail] = await env.smtp.waitFor((candidate) => candidate.to.includes(email));
    const events = await eventsOf(Object.values(added.memberIds));
    expect(events).toHaveLength(1);

    await republish([...events, ...events]);

    await expectOneMailEach([email]);
    expect((await env.activationDetails(activationToken(mail))).memberId).toBe(added.memberIds[email]);
    expect(await env.sentNotification(String(events[0].body.id))).toMatchObject({ kind: 'account-created', state: 'sent', attempt: 1 });
  });

  it('sends one mail per account when every event is queued twice', async () => {
    const emails = addresses('doubled', 5);
    await env.stopNotifications();
    const added = await env.addMembers(admin, emails);
    const events = await eventsOf(Object.values(added.memberIds));
    expect(events).toHaveLength(5);
    await republish(events);

    await env.startNotifications();

    await expectOneMailEach(emails);
    expect(await env.takeParked()).toEqual([]);
  });

  it('loses no mail and sends none twice when the service restarts mid-stream', async () => {
    // More mails than the service takes in at once: those it holds are sent before it stops.
    const emails = addresses('restart', MAIL_PREFETCH + 10);
    env.smtp.latencyMs = 150;
    try {
      await env.addMembers(admin, emails);
      await env.smtp.waitFor((mail) => mail.to[0].startsWith('restart.'));
      await env.stopNotifications();
      const sentBeforeRestart = env.smtp.mails.filter((mail) => mail.to[0].startsWith('restart.')).length;
      expect(sentBeforeRestart).toBeLessThan(emails.length);

      await env.startNotifications();

      await expectOneMailEach(emails);
    } finally {
      env.smtp.latencyMs = 0;
    }
  });

  it('takes over the claim of a sender that stopped between claim and send, once its lease is over', async () => {
    const [email] = addresses('crashed', 1);
    await env.stopNotifications();
    const added = await env.addMembers(admin, [email]);
    const [event] = await eventsOf(Object.values(added.memberIds));
    const claimedAt = new Date();
    const leaseUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MS);
    await env.insertMailClaim({
      _id: String(event.body.id),
      kind: 'account-created',
      claimId: 'a-sender-that-crashed',
      claimedAt,
      leaseUntil,
    });

    await env.startNotifications();

    const [mail] = await env.smtp.waitFor((candidate) => candidate.to.includes(email), 10_000);
    expect(mail.receivedAt.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime());
    await expectOneMailEach([email]);
    expect(await env.sentNotification(String(event.body.id))).toMatchObject({ state: 'sent' });
    expect((await env.activationDetails(activationToken(mail))).memberId).toBe(added.memberIds[email]);
  });
});
