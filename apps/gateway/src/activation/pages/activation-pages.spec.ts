import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActivateFormPage, ActivationPages, type Locale } from './activation-pages';

const form: ActivateFormPage = {
  token: 'tok_abc123',
  csrfToken: 'csrf_xyz789',
  accountName: 'jdupont',
  organizationName: 'Acme Industries',
};

const HOSTILE = '"><script>alert(1)</script>';
const HOSTILE_ESCAPED = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const tag = html.match(new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`));
  if (!tag) throw new Error(`no element with id ${id}`);
  return tag[0];
}

describe('ActivationPages', () => {
  const pages = new ActivationPages();

  describe('activate-form', () => {
    it.each([
      ['fr', 'Activez votre compte', ['Organisation', 'Nom de compte', 'Prénom', 'Mot de passe', 'Confirmation du mot de passe', 'au moins 12 caractères', 'ne pas être un mot de passe courant', 'ne pas contenir votre nom de compte (jdupont)', 'Activer mon compte']],
      ['en', 'Activate your account', ['Organization', 'Account name', 'First name', 'Password', 'Confirm password', 'at least 12 characters', 'not be a common password', 'not contain your account name (jdupont)', 'Activate my account']],
    ] as const)('renders in %s', (locale, title, phrases) => {
      const html = pages.render('activate-form', locale, form);

      expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}">`));
      expect(html).toContain(`<title>${title} – Roster</title>`);
      expect(html).toContain('<dd>Acme Industries</dd>');
      expect(html).toContain('<dd>jdupont</dd>');
      for (const phrase of phrases) expect(html).toContain(phrase);
      expect(html).not.toContain('role="alert"');
      expect(html).not.toMatch(/<input[^>]*aria-invalid/);
    });

    it('posts the token and the CSRF token back to /activate', () => {
      const html = pages.render('activate-form', 'en', form);

      expect(html).toContain('<form method="post" action="/activate">');
      expect(html).toContain('<input type="hidden" name="token" value="tok_abc123">');
      expect(html).toContain('<input type="hidden" name="_csrf" value="csrf_xyz789">');
      const names = [...html.matchAll(/<input [^>]*name="([^"]+)"/g)].map((match) => match[1]);
      expect(names).toEqual(['token', '_csrf', 'firstName', 'lastName', 'password', 'passwordConfirmation']);
    });

    it('gives password managers the account name in a labelled field hidden from everyone else, never posted', () => {
      const html = pages.render('activate-form', 'en', form);

      expect(html).toContain('<div hidden>\n<label for="username">Account name</label>\n<input id="username" type="text" autocomplete="username" value="jdupont" readonly>\n</div>');
      // The inputs' own rule sets their display: without this one, `hidden` would lose to it.
      expect(html).toContain('[hidden] { display: none !important; }');
    });

    it('links the password rules to the password input', () => {
      const html = pages.render('activate-form', 'en', form);

      expect(tagWithId(html, 'password')).toContain('aria-describedby="password-rules"');
      expect(tagWithId(html, 'password-rules')).toBe('<div class="rules" id="password-rules">');
      expect(tagWithId(html, 'passwordConfirmation')).not.toContain('aria-describedby');
    });

    it.each<Locale>(['fr', 'en'])('shows each error next to its field after a failed post, in %s', (locale) => {
      const html = pages.render('activate-form', locale, {
        ...form,
        firstName: 'Jeanne',
        lastName: 'Dupont',
        errors: [
          { field: 'lastName', message: 'Last name is too long.' },
          { field: 'password', message: 'Password is too short.' },
          { field: 'password', message: 'Password contains the account name.' },
          { field: 'passwordConfirmation', message: 'Passwords do not match.' },
          { field: 'form', message: 'The form expired, please submit it again.' },
        ],
      });

      expect(tagWithId(html, 'error-summary')).toBe('<div class="alert" id="error-summary" aria-labelledby="error-summary-title" tabindex="-1" autofocus role="alert">');
      expect(html).toContain(locale === 'fr' ? 'saisissez de nouveau votre mot de passe' : 'type your password again');
      const summaryLinks = [...html.matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map((match) => [match[1], match[2]]);
      expect(summaryLinks).toEqual([
        ['lastName', 'Last name is too long.'],
        ['password', 'Password is too short.'],
        ['password', 'Password contains the account name.'],
        ['passwordConfirmation', 'Passwords do not match.'],
      ]);
      expect(html).toMatch(/role="alert">[^]*<p>The form expired, please submit it again\.<\/p>[^]*<\/div>\n<form/);
      expect(tagWithId(html, 'firstName')).toContain('value="Jeanne"');
      expect(tagWithId(html, 'firstName')).not.toContain('aria-invalid');
      expect(tagWithId(html, 'lastName')).toContain('value="Dupont"');
      expect(tagWithId(html, 'lastName')).toContain('aria-invalid="true" aria-describedby="lastName-error"');
      expect(html).toMatch(/id="lastName"[^>]*>\n<div class="field-error" id="lastName-error">\n<p>Last name is too long\.<\/p>\n<\/div>/);
      expect(tagWithId(html, 'password')).toContain('aria-invalid="true" aria-describedby="password-rules password-error"');
      expect(html).toMatch(
        /id="password"[^>]*>\n<div class="field-error" id="password-error">\n<p>Password is too short\.<\/p>\n<p>Password contains the account name\.<\/p>\n<\/div>/,
      );
      expect(tagWithId(html, 'passwordConfirmation')).toContain('aria-describedby="passwordConfirmation-error"');
      expect(html).toMatch(/id="passwordConfirmation"[^>]*>\n<div class="field-error" id="passwordConfirmation-error">\n<p>Passwords do not match\.<\/p>/);
    });

    it('lists no field in the error summary when only the form was refused', () => {
      const html = pages.render('activate-form', 'en', { ...form, errors: [{ field: 'form', message: 'The form expired, please submit it again.' }] });

      expect(html).toMatch(/<div class="alert" id="error-summary"[^>]* autofocus role="alert">\n<h2 id="error-summary-title">Your account has not been activated yet<\/h2>\n<p>The form expired, please submit it again\.<\/p>\n<p>For your security/);
      expect(html).not.toContain('<li><a href=');
    });

    it('never writes a password back into the page', () => {
      const html = pages.render('activate-form', 'en', {
        ...form,
        password: 'Correct-Horse-Battery-9',
        passwordConfirmation: 'Correct-Horse-Battery-9',
        errors: [{ field: 'passwordConfirmation', message: 'Passwords do not match.' }],
      } as ActivateFormPage);

      expect(html).not.toContain('Correct-Horse-Battery-9');
      expect(tagWithId(html, 'password')).not.toContain('value=');
      expect(tagWithId(html, 'passwordConfirmation')).not.toContain('value=');
    });

    it('escapes every value it shows', () => {
      const html = pages.render('activate-form', 'en', {
        token: HOSTILE,
        csrfToken: HOSTILE,
        accountName: HOSTILE,
        organizationName: HOSTILE,
        firstName: HOSTILE,
        lastName: HOSTILE,
        errors: [
          { field: 'firstName', message: HOSTILE },
          { field: 'form', message: HOSTILE },
        ],
      });

      expect(html).not.toContain('<script>');
      // The firstName error shows twice: next to its field and in the error summary.
      expect(html.split(HOSTILE_ESCAPED)).toHaveLength(12);
    });
  });

  describe('activate-success', () => {
    it.each([
      ['fr', 'Votre compte est activé', 'votre nom de compte (<strong>jdupont</strong>) ou votre adresse e-mail (<strong>jeanne@acme.example</strong>)'],
      ['en', 'Your account is active', 'your account name (<strong>jdupont</strong>) or your email address (<strong>jeanne@acme.example</strong>)'],
    ] as const)('renders in %s', (locale, heading, signIn) => {
      const html = pages.render('activate-success', locale, { accountName: 'jdupont', email: 'jeanne@acme.example' });

      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(signIn);
    });

    it('escapes the values it shows', () => {
      const html = pages.render('activate-success', 'fr', { accountName: HOSTILE, email: HOSTILE });

      expect(html).not.toContain('<script>');
      expect(html).toContain(HOSTILE_ESCAPED);
    });
  });

  describe('link-invalid', () => {
    it.each([
      ['fr', 'used', 'Ce lien a déjà été utilisé', 'votre compte est sans doute déjà activé'],
      ['fr', 'expired', 'Ce lien a expiré', 'Votre compte n’a pas été activé'],
      ['fr', 'unknown', 'Ce lien n’est pas valide', 'Nous ne reconnaissons pas ce lien'],
      ['en', 'used', 'This link has already been used', 'your account is probably active already'],
      ['en', 'expired', 'This link has expired', 'Your account has not been activated'],
      ['en', 'unknown', 'This link is not valid', 'We do not recognize this activation link'],
    ] as const)('explains in %s a link that is %s', (locale, reason, heading, explanation) => {
      const html = pages.render('link-invalid', locale, { reason });

      expect(html).toContain(`<html lang="${locale}">`);
      expect(html.match(/<h1>[^<]*<\/h1>/g)).toEqual([`<h1>${heading}</h1>`]);
      expect(html).toContain(explanation);
      expect(html).toContain(locale === 'fr' ? 'à l’administrateur de votre organisation' : 'your organization’s administrator');
      expect(html).toContain(locale === 'fr' ? 'nouveau lien d’activation' : 'new activation link');
    });
  });

  describe('unavailable', () => {
    it.each([
      ['fr', 'L’activation est momentanément indisponible', 'Réessayez dans quelques minutes avec le même lien'],
      ['en', 'Activation is unavailable right now', 'try again in a few minutes with the same link'],
    ] as const)('asks in %s to come back with the same link', (locale, heading, advice) => {
      const html = pages.render('unavailable', locale, {});

      expect(html).toContain(`<html lang="${locale}">`);
      expect(html.match(/<h1>[^<]*<\/h1>/g)).toEqual([`<h1>${heading}</h1>`]);
      expect(html).toContain(advice);
    });
  });

  describe('security', () => {
    const all = (): string[] =>
      (['fr', 'en'] as const).flatMap((locale) => [
        pages.render('activate-form', locale, { ...form, errors: [{ field: 'password', message: 'x' }] }),
        pages.render('activate-success', locale, { accountName: 'jdupont', email: 'j@acme.example' }),
        pages.render('link-invalid', locale, { reason: 'expired' }),
        pages.render('unavailable', locale, {}),
      ]);

    it('loads nothing from elsewhere and runs no script', () => {
      for (const html of all()) {
        expect(html).not.toMatch(/<script|<link|<img|<iframe| on[a-z]+=| style="|src=|javascript:/i);
        expect(html).not.toContain('{{');
      }
    });

    it('allows exactly its inline style through the content security policy', () => {
      for (const html of all()) {
        const style = html.match(/<style>([^]*)<\/style>/)![1];
        const hash = createHash('sha256').update(style).digest('base64');
        expect(pages.contentSecurityPolicy).toBe(
          `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
        );
      }
    });

    it('only ever interpolates data with escaping in its templates', () => {
      const dir = join(__dirname, 'templates');
      const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.hbs'))
        .map((file) => readFileSync(join(dir, file), 'utf8'));

      expect(sources.length).toBeGreaterThan(8);
      for (const source of sources) expect(source).not.toContain('{{{');
    });
  });
});
