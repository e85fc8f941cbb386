import { checkPasswordPolicy, PasswordContext } from './password-policy';

const noContext: PasswordContext = {};
const jean: PasswordContext = { accountName: 'jean.dupont', email: 'jdupont+hr@acme.com' };

describe('checkPasswordPolicy', () => {
  it.each<[string, PasswordContext]>([
    ['correct horse battery staple violet', noContext],
    ['a'.repeat(11) + 'b', noContext],
    ['x'.repeat(255) + 'y', noContext],
    ['Tr0ub4dor&3-lamp-ocean', jean],
    ['jean loves the ocean in june', jean],
    ['ab-mountain-river-42', { accountName: 'ab', email: 'ab@x.com' }],
    ['🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮', noContext],
  ])('accepts %j', (password, context) => {
    expect(checkPasswordPolicy(password, context)).toBeNull();
  });

  it.each<[string, string, PasswordContext, string]>([
    ['too short', 'Tr0ub4dor&3', noContext, 'Password must be at least 12 characters long.'],
    ['empty', '', noContext, 'Password must be at least 12 characters long.'],
    ['short in characters though long in UTF-16 units', '🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁', noContext, 'Password must be at least 12 characters long.'],
    ['too long, never cut', 'horse battery '.repeat(19), noContext, 'Password must be at most 256 characters long.'],
    ['one character repeated', 'aaaaaaaaaaaa', noContext, 'Password must not be a single character repeated.'],
    ['one symbol repeated', '************', noContext, 'Password must not be a single character repeated.'],
    ['the account name', 'my-jean.dupont-secret', jean, 'Password must not contain the account name.'],
    ['the account name in another case', 'MY JEAN.DUPONT SECRET', jean, 'Password must not contain the account name.'],
    ['the account name without its punctuation', 'JeanDupont2024!', jean, 'Password must not contain the account name.'],
    ['the email local part', 'secret-jdupont-2024', jean, 'Password must not contain the part of the email address before the @.'],
    ['the email local part in another case', 'Secret-JDupont-2024', jean, 'Password must not contain the part of the email address before the @.'],
    [
      'a common password',
      'Password1234!',
      noContext,
      'Password is too common: it is a well-known password, a keyboard or digit sequence, or a common word padded with digits or symbols.',
    ],
    [
      'a keyboard sequence',
      'qwertyuiopas',
      jean,
      'Password is too common: it is a well-known password, a keyboard or digit sequence, or a common word padded with digits or symbols.',
    ],
  ])('refuses %s', (_case, password, context, message) => {
    expect(checkPasswordPolicy(password, context)).toEqual({ code: 'weak_password', message });
  });

  it('counts the maximum in characters', () => {
    expect(checkPasswordPolicy('🐱🐶🐭🐹🐰🦊🐻🐼'.repeat(32), noContext)).toBeNull();
    expect(checkPasswordPolicy('🐱🐶🐭🐹🐰🦊🐻🐼'.repeat(32) + '🐭', noContext)?.message).toBe('Password must be at most 256 characters long.');
  });
});
