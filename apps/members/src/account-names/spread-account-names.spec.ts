import { validateAccountName } from './account-name';
import { spreadAccountNameSequence } from './spread-account-names';

/** The first `count` variants, drawn from `count * 4` numbers, as a row's candidates take them. */
const spreadAccountNames = (base: string, seed: string, count: number) => [...spreadAccountNameSequence(base, seed, count * 4)].slice(0, count);

describe('spreadAccountNameSequence', () => {
  it('gives valid, distinct variants of the base, the same for the same seed', () => {
    const names = spreadAccountNames('jean.dupont', 'row-1', 5);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    for (const name of names) {
      expect(name).toMatch(/^jean\.dupont\d{3,4}$/);
      expect(validateAccountName(name)).toBeNull();
    }
    expect(spreadAccountNames('jean.dupont', 'row-1', 5)).toEqual(names);
  });

  it('differs from one seed to another', () => {
    expect(spreadAccountNames('jean.dupont', 'row-1', 3)).not.toEqual(spreadAccountNames('jean.dupont', 'row-2', 3));
  });

  it('stays within 32 characters without punctuation before the digits', () => {
    for (const name of spreadAccountNames('abcdefghijklmnopqrstuvwxyz.abcde', 'seed', 4)) {
      expect(name.length).toBeLessThanOrEqual(32);
      expect(validateAccountName(name)).toBeNull();
    }
  });

  it('draws the same numbers whatever the count: a sequence read as far as needed gives the same names', () => {
    for (const [base, seed] of [['jean.dupont', 'row-1'], ['abcdefghijklmnopqrstuvwxyz.abcde', 'seed'], ['li.wu1', 'row-7']]) {
      const sequence = [...spreadAccountNameSequence(base, seed, 400)];
      for (const count of [1, 3, 8, 32]) expect(spreadAccountNames(base, seed, count)).toEqual(sequence.slice(0, count));
    }
  });

  it('draws no more numbers than asked: a base that gives no valid name gives none', () => {
    expect([...spreadAccountNameSequence('admin', 'row-1', 50)]).toEqual([]);
    expect(spreadAccountNames('admin', 'row-1', 3)).toEqual([]);
    expect(spreadAccountNames('jean.dupont', 'row-1', 0)).toEqual([]);
  });
});
