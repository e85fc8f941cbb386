import { matchesSearch, memberSearchKeys, nameSearchKeys, type SearchedMember, searchLookup, searchText } from './member-search';

const helene: SearchedMember = { email: 'helene.le-goff.12@Example.FR', accountName: 'hlegoff', firstName: 'Hélène', lastName: "Le Goff-O'Brien" };
const soren: SearchedMember = { email: 'sm@x.example', accountName: 'soren_muller', firstName: 'Søren', lastName: 'Müller' };
const unnamed: SearchedMember = { email: 'j.doe@x.example', accountName: 'jdoe', firstName: null, lastName: null };

describe('searchText', () => {
  it.each([
    ['Hélène', 'helene'],
    ['  GROSS  ', 'gross'],
    ['Groß', 'gross'],
    ['Łukasz Søren', 'lukasz soren'],
    ["O'Brien", 'obrien'],
    ['le-goff_jean.pierre+x', 'le goff jean pierre x'],
    ['İnci', 'inci'],
  ])('%s is searched as %s', (text, expected) => {
    expect(searchText(text)).toBe(expected);
  });
});

describe('matchesSearch', () => {
  it.each([
    [helene, 'helene', true],
    [helene, 'HÉLÈ', true],
    [helene, 'le goff', true],
    [helene, 'goff', true],
    [helene, 'obrien', true],
    [helene, 'hlegoff', true],
    [helene, 'helene.le-goff.12@example.fr', true],
    [helene, 'helene le goff', true],
    [helene, 'le goff obrien helene', true],
    [helene, '12', false],
    [helene, 'h', true],
    [helene, 'lene', false],
    [helene, 'o brien', false],
    [helene, 'example.fr', true],
    [helene, '@example', true],
    [helene, 'fr', false],
    [helene, 'goff helene', false],
    [soren, 'soren m', true],
    [soren, 'muller soren', true],
    [soren, 'MÜLLER', true],
    [soren, 'sm@x', true],
    [soren, 'x.example', true],
    [soren, 'example', false],
    [unnamed, 'doe', true],
    [unnamed, 'j doe', true],
    [unnamed, '', false],
    [unnamed, '@', false],
  ])('%o with %s: %s', (member, search, expected) => {
    expect(matchesSearch(member, search)).toBe(expected);
  });
});

describe('memberSearchKeys', () => {
  const searches = ['he', 'helene le goff', 'le goff', 'goff', 'obrien', 'hlegoff', 'helene.le-goff.12@example.fr', 'le goff obrien helene', 'example.fr', '@exa'];
  it.each(searches)('a member that %s matches holds the key the search is looked up by', (search) => {
    expect(matchesSearch(helene, search)).toBe(true);
    const lookup = searchLookup(search);
    expect(typeof lookup === 'object' && memberSearchKeys(helene).includes(lookup.key)).toBe(true);
  });

  it('keeps keys short and few', () => {
    const keys = memberSearchKeys(helene);
    expect(new Set(keys.map((key) => key.length))).toEqual(new Set([2, 3, 5]));
    expect(keys.length).toBeLessThan(40);
    // The members of the benchmark: under 2 KB with their keys on FerretDB's PostgreSQL backend.
    expect(memberSearchKeys({ email: 'helene.lefevre.1234@interactive.example', accountName: 'helene.lefevre', firstName: 'Hélène', lastName: 'Lefèvre' })).toHaveLength(9);
    const long: SearchedMember = { email: `${'a.b'.repeat(80)}@x.example`, accountName: 'x'.repeat(60), firstName: 'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(3), lastName: 'q'.repeat(100) };
    expect(memberSearchKeys(long).length).toBeLessThanOrEqual(80);
  });

  it('gives new names the keys a search for them is looked up by', () => {
    expect(nameSearchKeys('Zoë', 'Núñez').sort()).toEqual(['nu', 'nun', 'nunez', 'zo', 'zoe', 'zoe n']);
    expect(nameSearchKeys(null, null)).toEqual([]);
  });
});

describe('searchLookup', () => {
  it.each([
    ['  Dupont ', { key: 'dupon' }],
    ['Jean Dupontel', { key: 'jea' }],
    ['Jean', { key: 'jea' }],
    ['ab c', { key: 'ab' }],
    ['a b', { key: 'a b' }],
    ['a  ', 'every member'],
    ['Zoé N', { key: 'zoe n' }],
    ['jean ', { key: 'jea' }],
    ['jd@x.example', { key: 'jd' }],
    ['@x.example', { key: 'x exa' }],
    ['jean dupont@', { key: 'jea' }],
    ['É', 'every member'],
    ['@', 'nothing'],
    ['   ', 'nothing'],
  ])('%s is looked up by %j', (search, lookup) => {
    expect(searchLookup(search)).toEqual(lookup);
  });
});
