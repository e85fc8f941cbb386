import { accountNameRequestedBy, closestAccountName, requestedAccountName } from './requested-account-name';

describe('requestedAccountName', () => {
  it.each([
    ['Jean_Dupont', 'jean_dupont'],
    ['  Élodie_Lefèvre ', 'elodie_lefevre'],
    ['Jürgen Groß', 'jurgen.gross'],
    ['jean..dupont', 'jean..dupont'],
    ['Владимир', ''],
  ])('%s asks for %s', (userName, expected) => {
    expect(requestedAccountName(userName)).toBe(expected);
  });
});

describe('closestAccountName', () => {
  it.each([
    ['zoe;lefevre', 'zoe_lefevre'],
    ['zoe;;lefevre', 'zoe_lefevre'],
    ['zoe;.lefevre', 'zoe.lefevre'],
    ['zoe.;lefevre', 'zoe.lefevre'],
    ['jean..dupont', 'jean.dupont'],
    ['jean._-dupont', 'jean.dupont'],
    ['jean+dupont@acme', 'jean_dupont_acme'],
    ["o'brien.sean", 'obrien.sean'],
    ['Zoë;Lefèvre', 'zoe_lefevre'],
    ['.jeandupont', 'jeandupont'],
    ['42.jean.dupont', 'jean.dupont'],
    ['jeandupont!', 'jeandupont'],
    ['jeandupont._', 'jeandupont'],
    ['jean.dupont2', 'jean.dupont2'],
    [`${'a'.repeat(31)}.b`, 'a'.repeat(31)],
    ['a'.repeat(40), 'a'.repeat(32)],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (name, expected) => {
    expect(closestAccountName(name)).toBe(expected);
  });
});

describe('accountNameRequestedBy', () => {
  it.each([
    ['Jean_Dupont', 'jean_dupont'],
    ['Jürgen Groß', 'jurgen.gross'],
    ['jean.dupont2', 'jean.dupont2'],
  ])('%s is used as asked: %s', (userName, name) => {
    expect(accountNameRequestedBy(userName)).toEqual({ name, adjusted: false });
  });

  it.each([
    ['zoë;lefèvre', 'zoe_lefevre'],
    [' Zoë ; Lefèvre ', 'zoe.lefevre'],
    ['jean..dupont', 'jean.dupont'],
    ['jean+dupont', 'jean_dupont'],
    ['jeandupont.', 'jeandupont'],
    ['1jeandupont', 'jeandupont'],
    ["Seán O'Brien", 'sean.obrien'],
    ['Jean Dupont (IT)', 'jean.dupont.it'],
    ['x'.repeat(40), 'x'.repeat(32)],
    ['admin;acme', 'admin_acme'],
  ])('%j is adjusted to %s', (userName, name) => {
    expect(accountNameRequestedBy(userName)).toEqual({ name, adjusted: true });
  });

  it.each([
    ['alice', 'Account name must be at least 6 characters long; it has 5.'],
    ['zoë;l', 'Account name must be at least 6 characters long; it has 5.'],
    ['Владимир', 'Account name must be at least 6 characters long; it has 0.'],
    ['administrator!', '"administrator" is reserved and cannot be used as an account name.'],
    ['support', '"support" is reserved and cannot be used as an account name.'],
  ])('%j is refused: %s', (userName, message) => {
    expect(accountNameRequestedBy(userName)).toEqual({ refused: { code: 'invalid_account_name', message } });
  });
});
