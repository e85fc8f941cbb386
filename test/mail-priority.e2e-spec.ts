import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { MAIL_PREFETCH } from '../apps/notifications/src/mail-delivery/mail-delivery.worker';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

describe('interactive mail before bulk mail', () => {
  const stack = new TestStack('notifications_priority', rosterApps);
  let bulk: SignedInAdmin;
  let small: SignedInAdmin;

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    bulk = await stack.signInNewAdmin('Adatum', 'admin@adatum.example', 'en');
    small = await stack.signInNewAdmin('Litware', 'admin@litware.example', 'fr');
  });

  afterAll(async () => {
    await stack.stop();
  });

  it("mails a small batch's member before another organization's backlog of welcome mails, and every member once", async () => {
    await stack.stopNotifications();
    // Two chunks of rows: an import, whose mails are bulk.
    const bulkEmails = Array.from({ length: 501 }, (_, index) => `bulk.${index}@adatum.example`);
    await stack.addMembers(bulk, bulkEmails);
    const smallEmail = 'first.hire@litware.example';
    await stack.addMembers(small, [smallEmail]);

    await stack.startNotifications();

    const everyone = [...bulkEmails, smallEmail];
    const expected = new Set(everyone);
    const welcomeMails = () => stack.smtp.mails.filter((mail) => mail.to.some((address) => expected.has(address)));
    await eventually(async () => (welcomeMails().length >= everyone.length ? true : undefined), 90_000, 'a welcome mail for every member');
    const received = welcomeMails();
    const position = received.findIndex((mail) => mail.to.includes(smallEmail));
    // At most the mails already handed to the service (its prefetch) can go before it.
    expect(position).toBeLessThanOrEqual(MAIL_PREFETCH);
    expect(new Set(received.flatMap((mail) => mail.to)).size).toBe(everyone.length);
    expect(received).toHaveLength(everyone.length);
  });
});
