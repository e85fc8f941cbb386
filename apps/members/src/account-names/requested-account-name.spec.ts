import { requestedAccountName } from './requested-account-name';

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
