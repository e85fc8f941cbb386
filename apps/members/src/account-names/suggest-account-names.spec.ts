import { accountNameCandidates } from './account-name-candidates';
import { firstAccountNames, pickAccountNames } from './suggest-account-names';

const jean = { firstName: 'Jean', lastName: 'Dupont', email: 'jean.dupont@a.com' };

describe('pickAccountNames', () => {
  it.each<[string, (name: string) => boolean, string[]]>([
    ['everything free: the first three', () => true, ['jean.dupont', 'jeandupont', 'jean_dupont']],
    ['the best ones taken: the next ones', (name) => !['jean.dupont', 'jeandupont'].includes(name), ['jean_dupont', 'jdupont', 'dupont.jean']],
    ['every plain form taken: numbered ones', (name) => /\d$/.test(name), ['jean.dupont1', 'jean.dupont2', 'jean.dupont3']],
    ['only odd numbers free', (name) => /[13579]$/.test(name), ['jean.dupont1', 'jean.dupont3', 'jean.dupont5']],
  ])('%s', (_case, isFree, expected) => {
    expect(pickAccountNames(accountNameCandidates(jean), isFree)).toEqual(expected);
  });

  it('returns as many as asked', () => {
    expect(pickAccountNames(accountNameCandidates(jean), () => true, 5)).toEqual([
      'jean.dupont',
      'jeandupont',
      'jean_dupont',
      'jdupont',
      'dupont.jean',
    ]);
  });

  it('always finds three for a crowded name, since the candidates never run out', () => {
    const taken = new Set(firstAccountNames(accountNameCandidates(jean), 150));
    expect(pickAccountNames(accountNameCandidates(jean), (name) => !taken.has(name))).toHaveLength(3);
  });

  it('gives up after maxTries candidates', () => {
    const asked: string[] = [];
    const picked = pickAccountNames(accountNameCandidates(jean), (name) => (asked.push(name), name.endsWith('2')), 3, 10);
    expect(asked).toHaveLength(10);
    expect(picked).toEqual(['jean.dupont2']);
  });

  it('stops asking once it has enough', () => {
    const asked: string[] = [];
    pickAccountNames(['a', 'b', 'c', 'd'], (name) => (asked.push(name), true), 2);
    expect(asked).toEqual(['a', 'b']);
  });

  it('returns what it found when the candidates run out', () => {
    expect(pickAccountNames(['aaaaaa', 'bbbbbb'], () => true)).toEqual(['aaaaaa', 'bbbbbb']);
  });
});

describe('firstAccountNames', () => {
  it.each([
    [0, []],
    [1, ['jean.dupont']],
    [4, ['jean.dupont', 'jeandupont', 'jean_dupont', 'jdupont']],
  ])('takes the first %i candidates', (count, expected) => {
    expect(firstAccountNames(accountNameCandidates(jean), count)).toEqual(expected);
  });

  it('does not pull a candidate past the ones it returns', () => {
    let pulled = 0;
    function* counted() {
      for (;;) yield `name${++pulled}`;
    }
    expect(firstAccountNames(counted(), 3)).toEqual(['name1', 'name2', 'name3']);
    expect(pulled).toBe(3);
  });
});
