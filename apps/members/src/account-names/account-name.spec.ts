import { validateAccountName } from './account-name';

describe('validateAccountName', () => {
  it.each(['jean.dupont', 'jean_dupont', 'jean-dupont', 'jdupont2', 'abcdef', 'a'.repeat(32), 'rootsmith', 'admin.acme', 'j.d-2_x9', 'a1.b2-c3_d4', 'x123456789'])(
    'accepts %s',
    (name) => {
      expect(validateAccountName(name)).toBeNull();
    },
  );

  it.each([
    ['', 'Account name must be at least 6 characters long; it has 0.'],
    ['jean', 'Account name must be at least 6 characters long; it has 4.'],
    ['a'.repeat(33), 'Account name must be at most 32 characters long; it has 33.'],
    ['1jeandupont', 'Account name must start with a letter a-z; it starts with "1".'],
    ['.jeandupont', 'Account name must start with a letter a-z; it starts with ".".'],
    ['Jean.Dupont', 'Account name must be lowercase; found "J".'],
    ['jean dupont', 'Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found a space.'],
    ['jean\tdupont', 'Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found U+0009.'],
    ['jean+dupont', 'Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found "+".'],
    ['élodie.lefevre', 'Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found "é".'],
    ['jean😀dupont', 'Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found "😀".'],
    ['jean..dupont', 'Account name cannot have two punctuation marks in a row; found "..".'],
    ['jean._dupont', 'Account name cannot have two punctuation marks in a row; found "._".'],
    ['jeandupont-', 'Account name cannot end with a punctuation mark; it ends with "-".'],
    ['jeandupont.', 'Account name cannot end with a punctuation mark; it ends with ".".'],
    ['administrator', '"administrator" is reserved and cannot be used as an account name.'],
    ['support', '"support" is reserved and cannot be used as an account name.'],
  ])('refuses %j', (name, message) => {
    expect(validateAccountName(name)).toEqual({ code: 'invalid_account_name', message });
  });

  it.each(['admin1', 'admin.2', 'admin-42', 'a.d.m.i.n.1', 'support24', 'no-reply', 'no.reply', 'noreply1', 'roster.1', 'skype99', 'system-01'])(
    'refuses %s as a variant of a reserved word',
    (name) => {
      expect(validateAccountName(name)?.message).toBe(`"${name}" is reserved and cannot be used as an account name.`);
    },
  );

  it('accepts exactly the names that break no rule, for every short name of a small alphabet', () => {
    const alphabet = ['a', 'z', '0', '.', '_', '-', 'A', ' ', 'é'];
    const names = [''];
    for (let length = 1; length <= 6; length += 1) {
      for (const name of names.filter((candidate) => candidate.length === length - 1)) names.push(...alphabet.map((char) => name + char));
    }
    const breaksNoRule = (name: string) =>
      name.length >= 6 && /^[a-z][a-z0-9._-]*$/.test(name) && !/[._-]{2}/.test(name) && !/[._-]$/.test(name);

    const disagreements = names.filter((name) => (validateAccountName(name) === null) !== breaksNoRule(name));
    expect(disagreements).toEqual([]);
  });
});
