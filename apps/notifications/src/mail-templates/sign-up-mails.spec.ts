import { MailTemplates } from './mail-templates';

describe('the mails of a sign-up', () => {
  const templates = new MailTemplates();
  const inTwoDays = () => new Date(Date.now() + 48 * 3_600_000);

  it.each([
    ['en', 'Verify your email address for your Roster account', 'valid for 48 hours', 'Automated message sent by Roster. Please do not reply.'],
    ['fr', 'Confirmez votre adresse e-mail pour votre compte Roster', 'valable 48 heures', 'Message automatique envoyé par Roster. Merci de ne pas y répondre.'],
  ] as const)('verification (%s): the account name, the link in both parts, what is left of its life, no organization in the footer', (locale, subject, validity, footer) => {
    const url = 'http://localhost:3000/verify-email?token=abc.0.secret';
    const mail = templates.render('verify-email', locale, { accountName: 'jane.doe', firstName: 'Jane', verificationUrl: url, expiresAt: inTwoDays() });
    expect(mail.subject).toBe(subject);
    // Handlebars escapes "=" in the HTML part's attributes and text.
    for (const [part, link] of [[mail.text, url], [mail.html, url.replace(/=/g, '&#x3D;')]]) {
      expect(part).toContain('jane.doe');
      expect(part).toContain(link);
      expect(part).toContain(validity);
      expect(part).toContain(footer);
    }
  });

  it('says at least one hour however late it is written', () => {
    const mail = templates.render('verify-email', 'en', { accountName: 'jane.doe', firstName: null, verificationUrl: 'http://x/verify-email?token=t', expiresAt: new Date(Date.now() - 60_000) });
    expect(mail.text).toContain('valid for 1 hour,');
    expect(mail.text).toContain('Hello,');
  });

  it('an account exists: the sign-in link and no other; the admin is mentioned only for a business account', () => {
    const business = templates.render('account-exists', 'en', { accountName: 'sam.rivera', firstName: 'Sam', signInUrl: 'http://localhost:3000/signin', businessAccount: true });
    expect(business.subject).toBe('You already have a Roster account');
    expect(business.text).toContain('http://localhost:3000/signin');
    expect(business.text).toContain('administrator');
    const personal = templates.render('account-exists', 'fr', { accountName: 'jane.doe', firstName: null, signInUrl: 'http://localhost:3000/signin', businessAccount: false });
    expect(personal.subject).toBe('Vous avez déjà un compte Roster');
    expect(personal.text).not.toContain('administrateur');
    expect(personal.html).not.toMatch(/token=/);
  });

  it('escapes what a person typed in the HTML part', () => {
    const mail = templates.render('account-exists', 'en', { accountName: 'jane.doe', firstName: '<img src=x>', signInUrl: 'http://localhost:3000/signin', businessAccount: false });
    expect(mail.html).not.toContain('<img src=x>');
    expect(mail.html).toContain('&lt;img src&#x3D;x&gt;');
  });
});
