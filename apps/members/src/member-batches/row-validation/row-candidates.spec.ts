import { type AccountNameSource, accountNameCandidates } from '../../account-names/account-name-candidates';
import { spreadAccountNameSequence } from '../../account-names/spread-account-names';
import { firstAccountNames } from '../../account-names/suggest-account-names';
import { RowCandidates } from './row-candidates';

/** The whole list, worked out at once: the first `look` preferred forms, then `look` numbered variants of the best. */
function allAtOnce(source: AccountNameSource, rowId: string, look: number): string[] {
  const preferred = firstAccountNames(accountNameCandidates(source), look);
  return preferred.length === 0 ? [] : [...preferred, ...[...spreadAccountNameSequence(preferred[0], rowId, look * 4)].slice(0, look)];
}

function read(list: RowCandidates): string[] {
  const names: string[] = [];
  for (let index = 0; list.has(index); index += 1) names.push(list.at(index));
  return names;
}

const sources: [string, AccountNameSource][] = [
  ['a common name', { firstName: 'Jean', lastName: 'Dupont', email: 'jean.dupont.17@bench.example' }],
  ['a user name first', { userName: 'jean_dupont_17', firstName: 'Jean', lastName: 'Dupont', email: 'jd@acme.example' }],
  ['accents and a compound last name', { firstName: 'Élodie', lastName: 'Le Goff', email: 'elodie@x.fr' }],
  ['short names', { firstName: 'Li', lastName: 'Wu', email: 'a@b.co' }],
  ['nothing Latin', { firstName: '王', lastName: '伟', email: '12345@x.com' }],
  ['a 32-character base', { userName: 'a'.repeat(60), email: '42@y.z' }],
];

describe('RowCandidates', () => {
  it.each(sources)('reads as the whole list worked out at once: %s', (_case, source) => {
    for (const look of [1, 8, 32, 128]) {
      expect(read(new RowCandidates(source, 'row-1', look))).toEqual(allAtOnce(source, 'row-1', look));
    }
  });

  it('gives the same names read one by one, in any order', () => {
    const source = sources[0][1];
    const expected = allAtOnce(source, 'row-9', 8);
    const list = new RowCandidates(source, 'row-9', 8);

    expect(list.has(10)).toBe(true);
    expect(list.at(10)).toBe(expected[10]);
    expect(list.at(3)).toBe(expected[3]);
    expect(list.has(expected.length - 1)).toBe(true);
    expect(list.has(expected.length)).toBe(false);
    expect(read(list)).toEqual(expected);
  });

  it('moves a name before another, shifting those between, as the picker reorders what it tried', () => {
    const source = sources[0][1];
    const expected = allAtOnce(source, 'row-2', 8);
    const list = new RowCandidates(source, 'row-2', 8);
    list.has(12);
    list.move(12, 2);
    list.move(5, 5);

    expect(read(list)).toEqual([...expected.slice(0, 2), expected[12], ...expected.slice(2, 12), ...expected.slice(13)]);
  });

  it('differs from one row to another only in the numbered variants', () => {
    const source = sources[0][1];
    const [one, other] = [read(new RowCandidates(source, 'row-1', 8)), read(new RowCandidates(source, 'row-2', 8))];

    expect(one.slice(0, 8)).toEqual(other.slice(0, 8));
    expect(one.slice(8)).not.toEqual(other.slice(8));
  });
});
