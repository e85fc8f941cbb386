import type { FormProblemCode } from './activation-form';
import { formProblemMessage, weakPasswordMessage } from './form-problem-messages';

const CODES: FormProblemCode[] = [
  'first_name_missing',
  'first_name_too_long',
  'last_name_missing',
  'last_name_too_long',
  'password_missing',
  'password_too_long',
  'password_mismatch',
  'form_expired',
];

describe('formProblemMessage', () => {
  it.each(['fr', 'en'] as const)('has a distinct sentence for every problem in %s', (locale) => {
    const messages = CODES.map((code) => formProblemMessage(locale, code));
    expect(new Set(messages).size).toBe(CODES.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z][^]*\.$/);
  });

  it.each([
    ['fr', 'password_mismatch', 'Les deux mots de passe ne sont pas identiques.'],
    ['en', 'password_mismatch', 'The two passwords are not the same.'],
    ['fr', 'form_expired', 'Ce formulaire a expiré par mesure de sécurité : envoyez-le à nouveau.'],
  ] as const)('%s %s → %s', (locale, code, expected) => {
    expect(formProblemMessage(locale, code)).toBe(expected);
  });
});

describe('weakPasswordMessage', () => {
  it.each([
    ['en', 'Password must be at least 12 characters long.', 'Password must be at least 12 characters long.'],
    ['en', undefined, 'This password does not meet the rules above: choose another one.'],
    ['en', '', 'This password does not meet the rules above: choose another one.'],
    ['fr', 'Password must be at least 12 characters long.', 'Votre mot de passe doit contenir au moins 12 caractères.'],
    ['fr', 'Password must be at most 256 characters long.', 'Votre mot de passe doit contenir au plus 256 caractères.'],
    ['fr', 'Password must not be a single character repeated.', 'Votre mot de passe ne doit pas être un même caractère répété.'],
    ['fr', 'Password must not contain the account name.', 'Votre mot de passe ne doit pas contenir votre nom de compte.'],
    ['fr', 'Password must not contain the part of the email address before the @.', 'Votre mot de passe ne doit pas contenir la partie de votre adresse e-mail avant le @.'],
    ['fr', 'Password is too common: it is a well-known password.', expect.stringMatching(/^Ce mot de passe est trop courant : [^A-Z]*\.$/)],
    ['fr', 'Password must contain a unicorn.', 'Ce mot de passe ne respecte pas les règles ci-dessus : choisissez-en un autre.'],
    ['fr', undefined, 'Ce mot de passe ne respecte pas les règles ci-dessus : choisissez-en un autre.'],
  ] as const)('%s %j', (locale, explanation, expected) => {
    expect(weakPasswordMessage(locale, explanation)).toEqual(expected);
  });
});
