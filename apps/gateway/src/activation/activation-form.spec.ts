import { type ActivationForm, checkActivationForm, isActivationToken, readActivationForm } from './activation-form';

const TOKEN = 'a'.repeat(43);

const valid: ActivationForm = {
  token: TOKEN,
  csrfToken: 'c'.repeat(43),
  firstName: 'Jeanne',
  lastName: 'Dupont',
  password: 'Correct-Horse-Battery-9',
  passwordConfirmation: 'Correct-Horse-Battery-9',
};

describe('isActivationToken', () => {
  it.each<[unknown, boolean]>([
    [TOKEN, true],
    ['AZaz09_-'.repeat(5) + 'abc', true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    [`${'a'.repeat(42)}+`, false],
    [[TOKEN], false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isActivationToken(value)).toBe(expected);
  });
});

describe('readActivationForm', () => {
  it('takes every field the page posts', () => {
    const body = { ...valid, _csrf: valid.csrfToken, csrfToken: undefined };
    expect(readActivationForm(body)).toEqual(valid);
  });

  it('turns missing, repeated and non-text fields into empty strings', () => {
    expect(readActivationForm({ token: [TOKEN, TOKEN], _csrf: { a: 1 }, firstName: 7 })).toEqual({
      token: '',
      csrfToken: '',
      firstName: '',
      lastName: '',
      password: '',
      passwordConfirmation: '',
    });
  });

  it.each([undefined, null, 'token=x', 42])('reads %j as an empty form', (body) => {
    expect(readActivationForm(body).token).toBe('');
  });
});

describe('checkActivationForm', () => {
  it('accepts a complete form', () => {
    expect(checkActivationForm(valid)).toEqual([]);
  });

  it.each<[Partial<ActivationForm>, [string, string][]]>([
    [{ firstName: '  ' }, [['firstName', 'first_name_missing']]],
    [{ lastName: '' }, [['lastName', 'last_name_missing']]],
    [{ firstName: 'é'.repeat(101) }, [['firstName', 'first_name_too_long']]],
    [{ lastName: `  ${'x'.repeat(100)}  ` }, []],
    [{ lastName: '😀'.repeat(100) }, []],
    [{ lastName: 'x'.repeat(101) }, [['lastName', 'last_name_too_long']]],
    [{ password: '', passwordConfirmation: '' }, [['password', 'password_missing']]],
    [{ password: 'x'.repeat(1025), passwordConfirmation: 'x'.repeat(1025) }, [['password', 'password_too_long']]],
    [{ passwordConfirmation: 'Correct-Horse-Battery-8' }, [['passwordConfirmation', 'password_mismatch']]],
    [{ passwordConfirmation: '' }, [['passwordConfirmation', 'password_mismatch']]],
    [{ passwordConfirmation: ' Correct-Horse-Battery-9' }, [['passwordConfirmation', 'password_mismatch']]],
    [
      { firstName: '', lastName: '', passwordConfirmation: 'other' },
      [
        ['firstName', 'first_name_missing'],
        ['lastName', 'last_name_missing'],
        ['passwordConfirmation', 'password_mismatch'],
      ],
    ],
  ])('%j → %j', (change, expected) => {
    const problems = checkActivationForm({ ...valid, ...change });
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual(expected);
  });
});
