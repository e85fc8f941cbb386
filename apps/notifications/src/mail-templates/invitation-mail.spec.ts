import type { Locale } from '@app/contracts';
import { type InvitationMail, MailTemplates } from './mail-templates';

const URL_OF_INVITATION = 'https://roster.example.com/invitations/0b9f4a52-6f4e-4c39-9a55-3b1f1d2e7c10';

const invitation: InvitationMail = {
  organizationName: 'Acme Industries',
  accountName: 'jdupont',
  firstName: 'Jeanne',
  email: 'jeanne.dupont@mail.example',
  invitationUrl: URL_OF_INVITATION,
  expiresAt: new Date('2025-03-11T10:00:00Z'),
};

const HOSTILE = '<script>alert("x")</script> & Co';
const HOSTILE_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co';

describe('the invitation mail', () => {
  const templates = new MailTemplates();

  it.each([
    [
      'fr',
      'Invitation à rejoindre Acme Industries sur Roster',
      [
        'Bonjour Jeanne,',
        'Acme Industries invite votre compte personnel jdupont à rejoindre l’organisation.',
        'votre compte personnel devient membre de Acme Industries',
        'les administrateurs de l’organisation voient alors votre nom de compte, votre nom et votre adresse e-mail (jeanne.dupont@mail.example)',
        'vous pouvez quitter l’organisation à tout moment',
        'connectez-vous avec le compte jdupont',
        'Cette invitation expire le mardi 11 mars 2025 à 10:00 UTC.',
        'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message',
        'l’invitation expirera d’elle-même',
        'Message automatique envoyé par Roster pour Acme Industries.',
      ],
    ],
    [
      'en',
      'Invitation to join Acme Industries on Roster',
      [
        'Hello Jeanne,',
        'Acme Industries invites your personal account jdupont to join the organization.',
        'your personal account becomes a member of Acme Industries',
        'the organization’s administrators then see your account name, your name and your email address (jeanne.dupont@mail.example)',
        'you can leave the organization at any time',
        'sign in as jdupont',
        'This invitation expires on Tuesday, 11 March 2025 at 10:00 UTC.',
        'If you were not expecting this invitation, you can ignore this email',
        'the invitation expires by itself',
        'Automated message sent by Roster for Acme Industries.',
      ],
    ],
  ] as const)('in %s: who invites, which account, what accepting means, the link, the expiry and what to do if unexpected', (locale, subject, phrases) => {
    const mail = templates.render('invitation', locale, invitation);

    expect(mail.subject).toBe(subject);
    // The HTML part puts names in <strong>: compare its words without the markup.
    const htmlWords = mail.html.replace(/<[^>]+>/g, '');
    for (const phrase of phrases) {
      expect(mail.text).toContain(phrase);
      expect(htmlWords).toContain(phrase);
    }
    expect(mail.text).toContain(`\n${URL_OF_INVITATION}\n`);
    expect(mail.html).toContain(`<a href="${URL_OF_INVITATION}" style="display:inline-block;`);
    expect(mail.html).toContain(`>${URL_OF_INVITATION}</a>`);
    expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}">`));
  });

  it.each([
    ['fr', 'Bonjour,'],
    ['en', 'Hello,'],
  ] as const)('greets without a name in %s when the first name is unknown', (locale, greeting) => {
    const mail = templates.render('invitation', locale, { ...invitation, firstName: null });

    expect(mail.text.startsWith(`${greeting}\n`)).toBe(true);
    expect(mail.html).toContain(`>${greeting}</p>`);
  });

  describe.each<Locale>(['fr', 'en'])('in %s', (locale) => {
    it('escapes the organization’s and the person’s names in the HTML part only, and keeps the subject on one line', () => {
      const mail = templates.render('invitation', locale, { ...invitation, organizationName: `${HOSTILE}\r\nBcc: x@example.com`, firstName: '<img src=x onerror=alert(1)>' });

      expect(mail.html).toContain(HOSTILE_ESCAPED);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(mail.text).toContain(HOSTILE);
      expect(mail.subject).toContain(`${HOSTILE} Bcc: x@example.com`);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    });

    it('leaves no template syntax and, in the text part, no markup', () => {
      const mail = templates.render('invitation', locale, invitation);

      for (const part of [mail.subject, mail.html, mail.text]) expect(part).not.toContain('{{');
      expect(mail.text).not.toMatch(/<\/?[a-z]/i);
    });

    it('links to the invitation page only: one address in the mail, with no query and no token', () => {
      const mail = templates.render('invitation', locale, invitation);

      const links = new Set([...mail.text.matchAll(/https?:\/\/\S+/g)].map(([link]) => link));
      expect([...links]).toEqual([URL_OF_INVITATION]);
      const hrefs = new Set([...mail.html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href));
      expect([...hrefs]).toEqual([URL_OF_INVITATION]);
    });
  });
});
