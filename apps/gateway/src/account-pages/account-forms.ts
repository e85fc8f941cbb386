import { isLocale, type Locale } from '@app/contracts';
import type { PageTextKey } from './account-page-texts';

// The limits of SignUpCommand and MemberCredentials: past them the members service would refuse the request.
const EMAIL_MAX_LENGTH = 254;
const ACCOUNT_NAME_MAX_LENGTH = 64;
const NAME_MAX_LENGTH = 100;
const PASSWORD_MAX_LENGTH = 1024;
// No account name or address holds one, and the members service refuses them.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export interface FormProblem {
  field: string;
  text: PageTextKey;
}

export interface SignUpForm {
  csrfToken: string;
  locale: Locale | undefined;
  email: string;
  accountName: string;
  firstName: string;
  lastName: string;
  password: string;
  passwordConfirmation: string;
}

export interface SignInForm {
  csrfToken: string;
  login: string;
  password: string;
}

export interface PasswordChangeForm extends SignInForm {
  newPassword: string;
  passwordConfirmation: string;
}

/** Every field a string ('' when missing or sent twice): whatever is wrong comes back as the form, never as a JSON error. */
function fieldsOf(body: unknown): (name: string) => string {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return (name) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
}

export function readSignUpForm(body: unknown): SignUpForm {
  const text = fieldsOf(body);
  const locale = text('locale');
  return {
    csrfToken: text('_csrf'),
    locale: isLocale(locale) ? locale : undefined,
    email: text('email').trim(),
    accountName: text('accountName').trim(),
    firstName: text('firstName').trim(),
    lastName: text('lastName').trim(),
    password: text('password'),
    passwordConfirmation: text('passwordConfirmation'),
  };
}

export function readSignInForm(body: unknown): SignInForm {
  const text = fieldsOf(body);
  return { csrfToken: text('_csrf'), login: text('login').trim(), password: text('password') };
}

export function readPasswordChangeForm(body: unknown): PasswordChangeForm {
  const text = fieldsOf(body);
  return { ...readSignInForm(body), newPassword: text('newPassword'), passwordConfirmation: text('passwordConfirmation') };
}

/** What the gateway can tell by itself; the rules of names and passwords are the members service's. */
export function checkSignUpForm(form: SignUpForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.email) problems.push({ field: 'email', text: 'emailMissing' });
  else if ([...form.email].length > EMAIL_MAX_LENGTH || CONTROL_CHARACTER.test(form.email)) problems.push({ field: 'email', text: 'invalidEmail' });
  if (!form.accountName) problems.push({ field: 'accountName', text: 'accountNameMissing' });
  else if ([...form.accountName].length > ACCOUNT_NAME_MAX_LENGTH || CONTROL_CHARACTER.test(form.accountName)) problems.push({ field: 'accountName', text: 'accountNameHint' });
  for (const field of ['firstName', 'lastName'] as const) {
    if ([...form[field]].length > NAME_MAX_LENGTH || CONTROL_CHARACTER.test(form[field])) problems.push({ field, text: 'nameTooLong' });
  }
  problems.push(...checkNewPassword('password', form.password, form.passwordConfirmation));
  return problems;
}

export function checkSignInForm(form: SignInForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.login) problems.push({ field: 'login', text: 'loginMissing' });
  // Too long or with a control character: no account has it, so the answer is the one for a wrong login.
  else if ([...form.login].length > EMAIL_MAX_LENGTH || CONTROL_CHARACTER.test(form.login)) problems.push({ field: 'login', text: 'wrongCredentials' });
  if (!form.password) problems.push({ field: 'password', text: 'passwordMissing' });
  else if ([...form.password].length > PASSWORD_MAX_LENGTH) problems.push({ field: 'password', text: 'wrongCredentials' });
  return problems;
}

export function checkPasswordChangeForm(form: PasswordChangeForm): FormProblem[] {
  return [...checkSignInForm(form), ...checkNewPassword('newPassword', form.newPassword, form.passwordConfirmation)];
}

function checkNewPassword(field: string, password: string, confirmation: string): FormProblem[] {
  if (!password) return [{ field, text: 'passwordMissing' }];
  if ([...password].length > PASSWORD_MAX_LENGTH) return [{ field, text: 'passwordTooLong' }];
  if (password !== confirmation) return [{ field: 'passwordConfirmation', text: 'passwordMismatch' }];
  return [];
}
