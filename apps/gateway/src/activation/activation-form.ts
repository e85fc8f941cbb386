import { ACTIVATION_TOKEN_PATTERN } from '@app/contracts';
import type { ActivateFormField } from './pages/activation-pages';

/** Enough for every field at its longest, percent-encoded; far below what could tire the server. */
export const ACTIVATION_FORM_BODY_LIMIT = '16kb';

// The limits of ActivateAccountCommand: past them the members service would refuse the request.
const NAME_MAX_LENGTH = 100;
const PASSWORD_MAX_LENGTH = 1024;

/** What the activation page posts, every field a string ('' when missing or sent twice). */
export interface ActivationForm {
  token: string;
  csrfToken: string;
  firstName: string;
  lastName: string;
  password: string;
  passwordConfirmation: string;
}

export type FormProblemCode =
  | 'first_name_missing'
  | 'first_name_too_long'
  | 'last_name_missing'
  | 'last_name_too_long'
  | 'password_missing'
  | 'password_too_long'
  | 'password_mismatch'
  | 'form_expired';

interface FormProblem {
  field: ActivateFormField;
  code: FormProblemCode;
}

export function isActivationToken(value: unknown): value is string {
  return typeof value === 'string' && ACTIVATION_TOKEN_PATTERN.test(value);
}

/**
 * Reads the urlencoded body field by field rather than through a DTO: whatever is wrong with a
 * post must come back as the form with its errors, never as a JSON error.
 */
export function readActivationForm(body: unknown): ActivationForm {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: string): string => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  return {
    token: text('token'),
    csrfToken: text('_csrf'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    password: text('password'),
    passwordConfirmation: text('passwordConfirmation'),
  };
}

/** What the gateway can tell about a post by itself; the password policy is the members service's. */
export function checkActivationForm(form: ActivationForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  if (!firstName) problems.push({ field: 'firstName', code: 'first_name_missing' });
  else if ([...firstName].length > NAME_MAX_LENGTH) problems.push({ field: 'firstName', code: 'first_name_too_long' });
  if (!lastName) problems.push({ field: 'lastName', code: 'last_name_missing' });
  else if ([...lastName].length > NAME_MAX_LENGTH) problems.push({ field: 'lastName', code: 'last_name_too_long' });
  if (!form.password) problems.push({ field: 'password', code: 'password_missing' });
  else if ([...form.password].length > PASSWORD_MAX_LENGTH) problems.push({ field: 'password', code: 'password_too_long' });
  else if (form.password !== form.passwordConfirmation) problems.push({ field: 'passwordConfirmation', code: 'password_mismatch' });
  return problems;
}
