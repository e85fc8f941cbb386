import { checkPasswordChangeForm, checkSignInForm, checkSignUpForm, readPasswordChangeForm, readSignInForm, readSignUpForm } from './account-forms';

const GOOD = { email: 'jane@example.org', accountName: 'jane.doe', firstName: 'Jane', lastName: 'Doe', password: 'Quiet-Meadow-Lantern-73', passwordConfirmation: 'Quiet-Meadow-Lantern-73', _csrf: 'x', locale: 'fr' };

describe('the sign-up form', () => {
  it('reads every field as a trimmed string, a missing or repeated one as empty, an unknown locale as none', () => {
    expect(readSignUpForm({ ...GOOD, email: '  jane@example.org ', firstName: ['a', 'b'], locale: 'de' })).toEqual({
      csrfToken: 'x',
      locale: undefined,
      email: 'jane@example.org',
      accountName: 'jane.doe',
      firstName: '',
      lastName: 'Doe',
      password: GOOD.password,
      passwordConfirmation: GOOD.password,
    });
    expect(readSignUpForm(null).email).toBe('');
    expect(readSignUpForm(GOOD).locale).toBe('fr');
  });

  it.each([
    [{}, []],
    [{ email: '' }, [{ field: 'email', text: 'emailMissing' }]],
    [{ email: 'a\u0000@example.org' }, [{ field: 'email', text: 'invalidEmail' }]],
    [{ email: `${'a'.repeat(250)}@x.org` }, [{ field: 'email', text: 'invalidEmail' }]],
    [{ accountName: '' }, [{ field: 'accountName', text: 'accountNameMissing' }]],
    [{ accountName: 'a'.repeat(65) }, [{ field: 'accountName', text: 'accountNameHint' }]],
    [{ lastName: 'x'.repeat(101) }, [{ field: 'lastName', text: 'nameTooLong' }]],
    [{ password: '', passwordConfirmation: '' }, [{ field: 'password', text: 'passwordMissing' }]],
    [{ passwordConfirmation: 'Other-Meadow-Lantern-73' }, [{ field: 'passwordConfirmation', text: 'passwordMismatch' }]],
    [{ password: 'x'.repeat(1025), passwordConfirmation: 'x'.repeat(1025) }, [{ field: 'password', text: 'passwordTooLong' }]],
  ])('with %j finds %j', (change, problems) => {
    expect(checkSignUpForm(readSignUpForm({ ...GOOD, ...change }))).toEqual(problems);
  });
});

describe('the sign-in and password change forms', () => {
  it('asks for a login and a password, and answers a login no account can have as wrong credentials', () => {
    expect(checkSignInForm(readSignInForm({ login: ' jane.doe ', password: 'p' }))).toEqual([]);
    expect(checkSignInForm(readSignInForm({}))).toEqual([
      { field: 'login', text: 'loginMissing' },
      { field: 'password', text: 'passwordMissing' },
    ]);
    expect(checkSignInForm(readSignInForm({ login: 'x'.repeat(255), password: 'p' }))).toEqual([{ field: 'login', text: 'wrongCredentials' }]);
  });

  it('checks the new password and its confirmation', () => {
    const form = { login: 'jane.doe', password: 'Old-Password-1234', newPassword: 'New-Password-98765', passwordConfirmation: 'New-Password-98765' };
    expect(checkPasswordChangeForm(readPasswordChangeForm(form))).toEqual([]);
    expect(checkPasswordChangeForm(readPasswordChangeForm({ ...form, passwordConfirmation: 'x' }))).toEqual([{ field: 'passwordConfirmation', text: 'passwordMismatch' }]);
    expect(checkPasswordChangeForm(readPasswordChangeForm({ ...form, newPassword: '' }))).toEqual([{ field: 'newPassword', text: 'passwordMissing' }]);
  });
});
