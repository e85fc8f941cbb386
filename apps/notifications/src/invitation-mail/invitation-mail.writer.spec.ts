import { NotificationsEnvironment } from '../config/notifications.environment';
import { NothingToSend } from '../delivery-failures/delivery-failures';
import { MailTemplates } from '../mail-templates/mail-templates';
import type { InvitationMailRecipientFields } from '../messages/invitation-mail-recipient.fields';
import { InvitationMailWriter } from './invitation-mail.writer';

const NOW = new Date('2025-03-04T10:00:00Z');

const invitation: InvitationMailRecipientFields = {
  invitationId: '0b9f4a52-6f4e-4c39-9a55-3b1f1d2e7c10',
  memberId: '5a0c3d51-8f0e-4b57-9d6c-0e1f2a3b4c5d',
  email: 'Jeanne.Dupont@mail.example',
  accountName: 'jdupont',
  firstName: null,
  locale: 'fr',
  organizationName: 'Acme',
  expiresAt: '2025-03-18T10:00:00.000Z',
};

function writerFor(publicUrl: string): InvitationMailWriter {
  return new InvitationMailWriter(new MailTemplates(), Object.assign(new NotificationsEnvironment(), { PUBLIC_URL: publicUrl }));
}

describe('InvitationMailWriter', () => {
  it('mails the invited address, in the person’s language, with the invitation’s link under PUBLIC_URL and its expiry', () => {
    const mail = writerFor('https://roster.example.com/').write(invitation, NOW);

    expect(mail.to).toBe('Jeanne.Dupont@mail.example');
    expect(mail.subject).toBe('Invitation à rejoindre Acme sur Roster');
    expect(mail.text).toContain('\nhttps://roster.example.com/invitations/0b9f4a52-6f4e-4c39-9a55-3b1f1d2e7c10\n');
    expect(mail.text).toContain('expire le mardi 18 mars 2025 à 10:00 UTC');
  });

  it('writes English for an English-speaking person', () => {
    const mail = writerFor('http://localhost:3000').write({ ...invitation, locale: 'en' }, NOW);

    expect(mail.subject).toBe('Invitation to join Acme on Roster');
    expect(mail.text).toContain('\nhttp://localhost:3000/invitations/0b9f4a52-6f4e-4c39-9a55-3b1f1d2e7c10\n');
  });

  it.each([
    ['at the instant it expires', '2025-03-04T10:00:00.000Z'],
    ['after it expired', '2025-03-01T10:00:00.000Z'],
  ])('sends nothing %s: its page would only say it expired', (_, expiresAt) => {
    expect(() => writerFor('http://localhost:3000').write({ ...invitation, expiresAt }, NOW)).toThrow(NothingToSend);
  });
});
