import { hostname } from 'node:os';
import { InvalidConfigurationError } from '@app/config';
import { eventually, type SignedInAdmin, SmtpCapture, TestStack } from '@app/testing';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(60_000);

/**
 * An SMTP server reached by this machine's host name is, as far as the notifications service can
 * tell, on another machine: it must speak TLS. The capture offers no STARTTLS, as a plain relay
 * or a misconfigured server would not.
 */
describe('mail to an SMTP server that is not on this machine', () => {
  const stack = new TestStack('smtp_tls', rosterApps);
  let remote: SmtpCapture;
  let remoteUrl: string;
  let admin: SignedInAdmin;

  beforeAll(async () => {
    remote = await SmtpCapture.start('0.0.0.0');
    remoteUrl = `smtp://${hostname()}:${remote.port}`;
    await stack.start({ notifications: { ...NOTIFICATIONS_FOR_TESTS, SMTP_URL: remoteUrl } });
    admin = await stack.signInNewAdmin('Northwind', 'admin@northwind.example', 'en');
  });

  afterAll(async () => {
    await stack.stop();
    await remote?.stop();
  });

  it('is not sent in plain text when the server offers no TLS', async () => {
    const email = 'plain.refused@northwind.example';
    await stack.addMembers(admin, [email]);

    const failure = await eventually(
      async () => stack.notificationLogs.lines.find((line) => /^(mail not sent|message parked)/.test(String(line.message)) && line.reason !== undefined),
      20_000,
      'a failed delivery',
    );
    expect(String(failure.reason)).toMatch(/TLS/);
    // The try is over and nothing reached the server: not this mail, nor the admin's summary.
    expect(remote.mails).toEqual([]);
  });

  it('is sent in plain text with SMTP_ALLOW_PLAINTEXT=true', async () => {
    await stack.stopNotifications();
    stack.notifications = await rosterApps.startNotifications!({
      ...stack.sharedEnvironment,
      ...NOTIFICATIONS_FOR_TESTS,
      SMTP_URL: remoteUrl,
      SMTP_ALLOW_PLAINTEXT: 'true',
    });
    const email = 'plain.allowed@northwind.example';
    await stack.addMembers(admin, [email]);

    const [mail] = await remote.waitFor((candidate) => candidate.to.includes(email), 20_000);
    expect(mail.subject).toBe('Activate your Northwind account');
  });

  it('refuses at start an SMTP_URL that would turn TLS off for such a server', async () => {
    const start = Promise.resolve().then(() => rosterApps.startNotifications!({ ...stack.sharedEnvironment, SMTP_URL: `${remoteUrl}?ignoreTLS=true` }));

    await expect(start).rejects.toThrow(InvalidConfigurationError);
    await expect(start).rejects.toThrow(/SMTP_URL weakens TLS \(ignoreTLS=true\).*SMTP_ALLOW_PLAINTEXT=true/);
  });
});
