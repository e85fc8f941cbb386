import { randomUUID } from 'node:crypto';
import {
  Exchanges,
  MEMBER_INVITED_VERSION,
  type MemberInvitedEvent,
  memberInvitedEventSchema,
  MessagePriority,
  RoutingKeys,
  type SendInvitationEmailCommand,
} from '@app/contracts';
import { MongoClient } from 'mongodb';
import {
  BrokerProbe,
  type CapturedMail,
  deleteQueues,
  dropTestDatabase,
  eventually,
  type RunningApp,
  ServiceLogs,
  SmtpCapture,
  startApp,
  testAmqpUrl,
  testMongoUrl,
} from '@app/testing';
import { startNotificationsService } from '../src/bootstrap';
import { NotificationsEnvironment } from '../src/config/notifications.environment';
import { allNotificationQueues } from '../src/mail-delivery/notification-queues';

jest.setTimeout(60_000);

const DAY_MS = 24 * 3_600_000;
const RETRY_DELAYS_MS = [300, 600, 900];
const startNotifications = startApp(NotificationsEnvironment, startNotificationsService, 'notifications');

/** A MemberInvited event as the members service publishes it: every field its JSON Schema requires. */
function memberInvited(overrides: Partial<MemberInvitedEvent['data']> = {}): MemberInvitedEvent {
  return {
    id: randomUUID(),
    type: 'MemberInvited',
    version: MEMBER_INVITED_VERSION,
    occurredAt: new Date().toISOString(),
    organizationId: randomUUID(),
    data: {
      invitationId: randomUUID(),
      memberId: randomUUID(),
      accountName: 'elodie.lefevre',
      accountType: 'personal',
      email: 'elodie@mail.example',
      firstName: 'Élodie',
      locale: 'fr',
      organizationName: 'Contoso',
      batchId: null,
      invitedByAdminId: randomUUID(),
      expiresAt: new Date(Date.now() + 14 * DAY_MS).toISOString(),
      ...overrides,
    },
  };
}

/**
 * The notifications service alone, as its own broker user, with a real SMTP server and the test
 * broker: the invitation mail needs nothing of the other services, so the test publishes what the
 * members service would.
 */
describe('invitation mails, from MemberInvited and SendInvitationEmail to SMTP', () => {
  const mongoUrl = testMongoUrl('notifications_invitation');
  const queues = allNotificationQueues(RETRY_DELAYS_MS);
  let logs: ServiceLogs;
  let smtp: SmtpCapture;
  let notifications: RunningApp;
  let broker: BrokerProbe;
  let mongo: MongoClient;

  const mailOf = async (messageId: string): Promise<CapturedMail> => {
    const [mail] = await smtp.waitFor((candidate) => candidate.headers['x-roster-notification-id'] === messageId, 20_000);
    return mail;
  };
  const logLine = (message: string, fields: Record<string, unknown>) =>
    eventually(async () => logs.lines.find((line) => line.message === message && Object.entries(fields).every(([key, value]) => line[key] === value)), 20_000, `the log line "${message}"`);
  const publishEvent = (event: MemberInvitedEvent) =>
    broker.publish(Exchanges.Events, RoutingKeys.MemberInvited, event, { messageId: event.id, priority: MessagePriority.Interactive });
  /** The service's dedupe record of an event or command. */
  const sentNotification = (id: string) => mongo.db().collection<{ _id: string }>('sent_notifications').findOne({ _id: id });

  beforeAll(async () => {
    await deleteQueues(queues);
    logs = ServiceLogs.capture('notifications');
    smtp = await SmtpCapture.start();
    notifications = await startNotifications({
      MONGO_URL: mongoUrl,
      SMTP_URL: smtp.url,
      MAIL_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
      MAIL_CLAIM_LEASE_MS: '2000',
      RPC_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'log',
    });
    broker = await BrokerProbe.open(testAmqpUrl());
    mongo = await new MongoClient(mongoUrl).connect();
  });

  afterAll(async () => {
    await broker?.close();
    await notifications?.close();
    await mongo?.close();
    await dropTestDatabase(mongoUrl);
    await smtp?.stop();
    await deleteQueues(queues);
    logs?.restore();
  });

  it('builds its events with every field the MemberInvited schema requires, and no other', () => {
    expect(Object.keys(memberInvited().data).sort()).toEqual([...memberInvitedEventSchema.properties.data.required].sort());
    expect(Object.keys(memberInvited()).sort()).toEqual([...memberInvitedEventSchema.required].sort());
  });

  it('mails a MemberInvited once to the invited address, in the person’s language, with the invitation’s link, even when the event comes twice', async () => {
    const event = memberInvited();

    await publishEvent(event);
    await publishEvent(event);

    const mail = await mailOf(event.id);
    expect(mail.to).toEqual(['elodie@mail.example']);
    expect(mail.subject).toBe('Invitation à rejoindre Contoso sur Roster');
    const link = `http://localhost:3000/invitations/${event.data.invitationId}`;
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.html).toContain(`href="${link}"`);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Bonjour Élodie,');
      expect(part).toContain('elodie.lefevre');
      expect(part).toContain('elodie@mail.example');
      expect(part).toMatch(/Cette invitation expire le \S+ \d+ \S+ \d{4} à \d\d:\d\d UTC\./);
    }
    // The second copy found the first one's record and sent nothing.
    await logLine('duplicate message ignored: its mail was already handled', { kind: 'member-invited', eventId: event.id });
    expect(smtp.mails.filter((candidate) => candidate.headers['x-roster-notification-id'] === event.id)).toHaveLength(1);
    expect(smtp.mailsTo('elodie@mail.example')).toHaveLength(1);
    expect(await sentNotification(event.id)).toMatchObject({ kind: 'member-invited', state: 'sent' });
  });

  it('writes in English to a person whose language is English, and greets without a name when none is known', async () => {
    const event = memberInvited({ email: 'sam@mail.example', accountName: 'sam.rivera', firstName: null, locale: 'en', organizationName: 'Fabrikam' });

    await publishEvent(event);

    const mail = await mailOf(event.id);
    expect(mail.to).toEqual(['sam@mail.example']);
    expect(mail.subject).toBe('Invitation to join Fabrikam on Roster');
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.text).toContain(`\nhttp://localhost:3000/invitations/${event.data.invitationId}\n`);
    expect(mail.text).toMatch(/This invitation expires on \S+, \d+ \S+ \d{4} at \d\d:\d\d UTC\./);
  });

  it('mails a resend on SendInvitationEmail, with the same link', async () => {
    const invitationId = randomUUID();
    const command: SendInvitationEmailCommand = {
      id: randomUUID(),
      requestedAt: new Date().toISOString(),
      invitationId,
      memberId: randomUUID(),
      email: 'li.wu@mail.example',
      accountName: 'li.wu.home',
      firstName: 'Li',
      locale: 'en',
      organizationName: 'Contoso',
      expiresAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
    };

    await broker.publish(Exchanges.Commands, RoutingKeys.SendInvitationEmail, command, { messageId: command.id, priority: MessagePriority.Interactive });

    const mail = await mailOf(command.id);
    expect(mail.to).toEqual(['li.wu@mail.example']);
    expect(mail.subject).toBe('Invitation to join Contoso on Roster');
    expect(mail.text).toContain('Hello Li,');
    expect(mail.text).toContain(`\nhttp://localhost:3000/invitations/${invitationId}\n`);
    expect(await sentNotification(command.id)).toMatchObject({ kind: 'send-invitation-email', state: 'sent' });
  });

  it('sends nothing for an invitation that expired before its mail could be written, and records why', async () => {
    const event = memberInvited({ email: 'late@mail.example', expiresAt: new Date(Date.now() - 60_000).toISOString() });

    await publishEvent(event);

    await logLine('no mail to send', { kind: 'member-invited', eventId: event.id });
    expect(smtp.mailsTo('late@mail.example')).toHaveLength(0);
    expect(await sentNotification(event.id)).toMatchObject({ kind: 'member-invited', state: 'skipped' });
  });

  it('logs ids, never the address, the link or the mail', () => {
    const everything = JSON.stringify(logs.lines.filter((line) => String(line.kind ?? '').includes('invit')));

    expect(everything).toContain('"invitationId"');
    expect(everything).not.toContain('/invitations/');
    expect(everything).not.toContain('@mail.example');
    expect(everything).not.toContain('Bonjour');
  });
});
