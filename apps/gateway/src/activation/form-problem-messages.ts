import type { FormProblemCode } from './activation-form';
import type { Locale } from './pages/activation-pages';

const MESSAGES: Record<Locale, Record<FormProblemCode, string>> = {
  en: {
    first_name_missing: 'Enter your first name.',
    first_name_too_long: 'Your first name must be at most 100 characters long.',
    last_name_missing: 'Enter your last name.',
    last_name_too_long: 'Your last name must be at most 100 characters long.',
    password_missing: 'Choose a password.',
    password_too_long: 'Your password must be at most 1024 characters long.',
    password_mismatch: 'The two passwords are not the same.',
    form_expired: 'This form has expired for security reasons: please submit it again.',
  },
  fr: {
    first_name_missing: 'Saisissez votre prénom.',
    first_name_too_long: 'Votre prénom doit contenir au plus 100 caractères.',
    last_name_missing: 'Saisissez votre nom.',
    last_name_too_long: 'Votre nom doit contenir au plus 100 caractères.',
    password_missing: 'Choisissez un mot de passe.',
    password_too_long: 'Votre mot de passe doit contenir au plus 1024 caractères.',
    password_mismatch: 'Les deux mots de passe ne sont pas identiques.',
    form_expired: 'Ce formulaire a expiré par mesure de sécurité : envoyez-le à nouveau.',
  },
};

export function formProblemMessage(locale: Locale, code: FormProblemCode): string {
  return MESSAGES[locale][code];
}

/**
 * The members service explains a refused password in English only, and its reply carries no
 * finer code than weak_password: French pages translate the explanations known today and fall
 * back to a general sentence for any other.
 */
const FRENCH_PASSWORD_PROBLEMS: [RegExp, (count: string) => string][] = [
  [/^Password must be at least (\d+) characters long\.$/, (count) => `Votre mot de passe doit contenir au moins ${count} caractères.`],
  [/^Password must be at most (\d+) characters long\.$/, (count) => `Votre mot de passe doit contenir au plus ${count} caractères.`],
  [/^Password must not be a single character repeated\.$/, () => 'Votre mot de passe ne doit pas être un même caractère répété.'],
  [/^Password must not contain the account name\.$/, () => 'Votre mot de passe ne doit pas contenir votre nom de compte.'],
  [/^Password must not contain the part of the email address before the @\.$/, () => 'Votre mot de passe ne doit pas contenir la partie de votre adresse e-mail avant le @.'],
  [/^Password is too common/, () => 'Ce mot de passe est trop courant : c’est un mot de passe connu, une suite de touches ou de chiffres, ou un mot courant complété de chiffres ou de symboles.'],
];
const FRENCH_PASSWORD_FALLBACK = 'Ce mot de passe ne respecte pas les règles ci-dessus : choisissez-en un autre.';
const ENGLISH_PASSWORD_FALLBACK = 'This password does not meet the rules above: choose another one.';

export function weakPasswordMessage(locale: Locale, explanation: string | undefined): string {
  if (locale === 'en') return explanation || ENGLISH_PASSWORD_FALLBACK;
  for (const [pattern, translation] of FRENCH_PASSWORD_PROBLEMS) {
    const match = pattern.exec(explanation ?? '');
    if (match) return translation(match[1] ?? '');
  }
  return FRENCH_PASSWORD_FALLBACK;
}
