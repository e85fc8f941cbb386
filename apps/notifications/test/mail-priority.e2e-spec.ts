import { eventually } from '@app/testing';
import type { SignedInAdmin } from '../../gateway/test/support/test-stack';
import { MAIL_PREFETCH } from '../src/mail-delivery/mail-delivery.worker';
import { NotificationsStack } from './support/notifications-stack';

jest.setTimeout(120_000);

describe('interactive mail before bulk mail', () => {
  const env = new NotificationsStack('notifications_priority');
  let bulk: SignedInAdmin;
  let small: SignedInAdmin;

  beforeAll(async () => {
    await env.start();
    bulk = await env.stack.signInNewAdmin('Adatum', 'admin@adatum.example', 'en');
    small = await env.stack.signInNewAdmin('Litware', 'admin@litware.example', 'fr');
  });

  afterAll(async () => {
    await env.stop();
  });

  it("mails a small batch's member before another organization's backlog of welcome mails, and every member once", async () => {
    await env.stopNotifications();
    // Two chunks of rows: an import, whose mails are bulk.
    const bulkEmails = Array.from({ length: 501 }, (_, index) => `bulk.${index}@adatum.example`);
    await env.addMembers(bulk, bulkEmails);
    const smallEmail = 'first.hire@litware.example';
    await env.addMembers(small, [smallEmail]);

    await env.startNotifications();

    const everyone = [...bulkEmails, smallEmail];
    const expected = new Set(everyone);
    const welcomeMails = () => env.smtp.mails.filter((mail) => mail.to.some((address) => expected.has(address)));
    await eventually(async () => (welcomeMails().length >= everyone.length ? true : undefined), 90_000, 'a welcome mail for every member');
    const received = welcomeMails();
    const position = received.findIndex((mail) => mail.to.includes(smallEmail));
    // At most the mails already handed to the service (its prefetch) can go before it.
    expect(position).toBeLessThanOrEqual(MAIL_PREFETCH);
    expect(new Set(received.flatMap((mail) => mail.to)).size).toBe(everyone.length);
    expect(received).toHaveLength(everyone.length);
  });
});
