import { validateAccountName } from './account-name';
import { spreadAccountNames } from './spread-account-names';

describe('spreadAccountNames', () => {
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
});
