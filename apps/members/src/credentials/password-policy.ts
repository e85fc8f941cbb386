import { ErrorCode } from '@app/contracts';
import { isCommonPassword } from './common-passwords';

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

// Shorter names and local parts ("jo", "a") turn up inside too many good passwords by chance.
const MIN_PERSONAL_LENGTH = 3;

interface PasswordProblem {
  code: typeof ErrorCode.WeakPassword;
  message: string;
}

export interface PasswordContext {
  accountName?: string;
  email?: string;
}

/**
 * Why `password` may not be used, or null when it may. Length is counted in characters, and a long
 * password is refused rather than cut, so that what the member typed is exactly what gets hashed.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext): PasswordProblem | null {
  const message = problemWith(password, context);
  return message === null ? null : { code: ErrorCode.WeakPassword, message };
}

function problemWith(password: string, { accountName, email }: PasswordContext): string | null {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  }
  if (characters.length > PASSWORD_MAX_LENGTH) {
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  }
  if (characters.every((char) => char === characters[0])) {
    return 'Password must not be a single character repeated.';
  }
  const lower = password.toLowerCase();
  if (accountName !== undefined && personalForms(accountName).some((form) => lower.includes(form))) {
    return 'Password must not contain the account name.';
  }
  if (email !== undefined && personalForms(localPart(email)).some((form) => lower.includes(form))) {
    return 'Password must not contain the part of the email address before the @.';
  }
  if (isCommonPassword(password)) {
    return 'Password is too common: it is a well-known password, a keyboard or digit sequence, or a common word padded with digits or symbols.';
  }
  return null;
}

// jean.dupont is also caught as JeanDupont2024!, since punctuation is the first thing people drop.
function personalForms(text: string): string[] {
  const lower = text.toLowerCase();
  return [lower, lower.replace(/[._+-]/g, '')].filter((form) => form.length >= MIN_PERSONAL_LENGTH);
}

function localPart(email: string): string {
  const at = email.lastIndexOf('@');
  return (at === -1 ? email : email.slice(0, at)).split('+')[0];
}
