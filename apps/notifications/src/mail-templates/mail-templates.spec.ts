import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@app/contracts';
import { type AccountCreatedMail, type BatchSummaryMail, MailTemplates } from './mail-templates';

const NOW = new Date('2025-03-04T10:00:00Z');

const accountCreated: AccountCreatedMail = {
  organizationName: 'Acme Industries',
  accountName: 'jdupont',
  firstName: 'Jeanne',
  activationUrl: 'https://roster.example.com/activate?token=abc123',
  expiresAt: new Date('2025-03-11T10:00:00Z'),
  passwordSetByAdmin: false,
};

const batchSummary: BatchSummaryMail = {
  organizationName: 'Acme Industries',
  adminName: 'Paul',
  created: 12,
  invited: 0,
  skipped: 3,
  failed: 1,
  total: 16,
  source: 'csv',
  fileName: 'new-hires.csv',
  batchUrl: 'https://roster.example.com/batches/b-42',
};

const HOSTILE = '<script>alert("x")</script> & Co';
const HOSTILE_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co';

describe('MailTemplates', () => {
  const templates = new MailTemplates();

  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  describe('account-created', () => {
    it.each([
      [
        'fr',
        'Activez votre compte Acme Industries',
        [
          'Bonjour Jeanne,',
          'Acme Industries',
          'jdupont',
          'ouvrez le lien d’activation',
          'complétez votre profil',
          'choisissez votre mot de passe',
          'vous ne pourrez pas vous connecter tant que vous ne l’aurez pas activé',
          'valable 7 jours, jusqu’au mardi 11 mars 2025 à 10:00 UTC',
        ],
      ],
      [
        'en',
        'Activate your Acme Industries account',
        [
          'Hello Jeanne,',
          'Acme Industries',
          'jdupont',
          'open the activation link',
          'complete your profile',
          'choose your password',
          'you cannot sign in until you activate it',
          'valid for 7 days, until Tuesday, 11 March 2025 at 10:00 UTC',
        ],
      ],
    ] as const)('renders in %s', (locale, subject, phrases) => {
      const mail = templates.render('account-created', locale, accountCreated);

      expect(mail.subject).toBe(subject);
      for (const phrase of phrases) {
        expect(mail.html).toContain(phrase);
        expect(mail.text).toContain(phrase);
      }
      // Handlebars escapes '=' too; the attribute still decodes to the same URL.
      expect(mail.html).toContain('href="https://roster.example.com/activate?token&#x3D;abc123"');
      expect(mail.text).toContain('\nhttps://roster.example.com/activate?token=abc123\n');
      expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}">`));
    });

    it.each([
      ['fr', 'mot de passe temporaire'],
      ['en', 'temporary password'],
    ] as const)('mentions the temporary password in %s only when one was set', (locale, wording) => {
      const without = templates.render('account-created', locale, accountCreated);
      const withPassword = templates.render('account-created', locale, { ...accountCreated, passwordSetByAdmin: true });

      for (const part of [without.html, without.text]) expect(part).not.toContain(wording);
      for (const part of [withPassword.html, withPassword.text]) expect(part).toContain(wording);
    });

    it.each([
      ['fr', 'Bonjour,'],
      ['en', 'Hello,'],
    ] as const)('greets without a name in %s when the first name is unknown', (locale, greeting) => {
      const mail = templates.render('account-created', locale, { ...accountCreated, firstName: null });

      expect(mail.text.startsWith(`${greeting}\n`)).toBe(true);
      expect(mail.html).toContain(`>${greeting}</p>`);
    });

    it.each([
      [1, 'valable 1 jour,'],
      [1.4, 'valable 1 jour,'],
      [0.01, 'valable 1 jour,'],
      [2.6, 'valable 3 jours,'],
    ])('counts %d remaining days as whole days', (days, wording) => {
      const expiresAt = new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000);

      expect(templates.render('account-created', 'fr', { ...accountCreated, expiresAt }).text).toContain(wording);
    });
  });

  describe('batch-summary', () => {
    it.each([
      [
        'fr',
        'Import terminé pour Acme Industries\u00a0: 12 comptes créés, 1 échec',
        ['Bonjour Paul,', 'Acme Industries', 'fichier CSV «\u00a0new-hires.csv\u00a0»', 'Total'],
      ],
      [
        'en',
        'Import finished for Acme Industries: 12 accounts created, 1 failure',
        ['Hello Paul,', 'Acme Industries', 'CSV file "new-hires.csv"', 'Total'],
      ],
    ] as const)('renders in %s', (locale, subject, phrases) => {
      const mail = templates.render('batch-summary', locale, batchSummary);

      expect(mail.subject).toBe(subject);
      for (const phrase of phrases) {
        expect(mail.text).toContain(phrase);
        expect(mail.html).toContain(phrase);
      }
      expect(mail.html).toContain('href="https://roster.example.com/batches/b-42"');
      expect(mail.text).toContain('\nhttps://roster.example.com/batches/b-42\n');
    });

    it.each([
      ['fr', ['Comptes créés\u00a0: 12', 'Entrées ignorées (invalides)\u00a0: 3', 'Échecs\u00a0: 1', 'Total\u00a0: 16']],
      ['en', ['Accounts created: 12', 'Skipped (invalid): 3', 'Failed: 1', 'Total: 16']],
    ] as const)('lists every count in the %s text part', (locale, lines) => {
      const { text } = templates.render('batch-summary', locale, batchSummary);

      for (const line of lines) expect(text).toContain(`\n${line}\n`);
    });

    it.each([
      ['fr', 'Comptes personnels invités\u00a0: 2'],
      ['en', 'Personal accounts invited: 2'],
    ] as const)('lists invited personal accounts in %s only when there are some', (locale, line) => {
      const withInvited = templates.render('batch-summary', locale, { ...batchSummary, invited: 2, total: 18 });
      const without = templates.render('batch-summary', locale, batchSummary);

      expect(withInvited.text).toContain(`\n${line}\n`);
      expect(withInvited.html).toContain(line.split(/\u00a0?:/)[0]);
      expect(without.text).not.toContain(line.split(/\u00a0?:/)[0]);
    });

    it.each([
      ['fr', 'liste d’adresses e-mail'],
      ['en', 'list of email addresses'],
    ] as const)('names an email list as the source in %s', (locale, wording) => {
      const mail = templates.render('batch-summary', locale, { ...batchSummary, source: 'emails', fileName: null });

      expect(mail.text).toContain(wording);
      expect(mail.html).toContain(wording);
      expect(mail.text).not.toContain('CSV');
    });

    it('leaves failures out of the subject when there were none', () => {
      const mail = templates.render('batch-summary', 'en', { ...batchSummary, created: 1, failed: 0, total: 4 });

      expect(mail.subject).toBe('Import finished for Acme Industries: 1 account created');
    });
  });

  describe.each<Locale>(['fr', 'en'])('in %s', (locale) => {
    const rendered = () => [
      templates.render('account-created', locale, { ...accountCreated, organizationName: HOSTILE, passwordSetByAdmin: true }),
      templates.render('account-created', locale, { ...accountCreated, firstName: undefined }),
      templates.render('batch-summary', locale, { ...batchSummary, organizationName: HOSTILE }),
      templates.render('batch-summary', locale, { ...batchSummary, adminName: undefined, source: 'emails' }),
    ];

    it('escapes data in the HTML part only', () => {
      const [account, , batch] = rendered();

      for (const mail of [account, batch]) {
        expect(mail.html).toContain(HOSTILE_ESCAPED);
        expect(mail.html).not.toContain('<script>');
        expect(mail.text).toContain(HOSTILE);
        expect(mail.subject).toContain(HOSTILE);
      }
    });

    it('leaves no template syntax in the output', () => {
      for (const mail of rendered()) {
        for (const part of [mail.subject, mail.html, mail.text]) expect(part).not.toContain('{{');
      }
    });

    it('writes plain text without markup', () => {
      const [, account, , batch] = rendered();

      for (const mail of [account, batch]) expect(mail.text).not.toMatch(/<\/?[a-z]/i);
    });
  });

  it('keeps the subject on one line whatever the organization name holds', () => {
    const mail = templates.render('account-created', 'en', { ...accountCreated, organizationName: 'Acme\r\nBcc: x@example.com' });

    expect(mail.subject).toBe('Activate your Acme Bcc: x@example.com account');
  });

  it('falls back to English for a locale it does not write', () => {
    const mail = templates.render('account-created', 'de' as Locale, accountCreated);

    expect(mail.subject).toBe('Activate your Acme Industries account');
  });

  it('only ever interpolates data with escaping in its templates', () => {
    const dir = join(__dirname, 'templates');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.hbs'))
      .map((file) => readFileSync(join(dir, file), 'utf8'));

    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(source).not.toContain('{{{');
  });
});
