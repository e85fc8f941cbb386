import { NameGenerations, TakenAccountNames } from './taken-account-names';

describe('TakenAccountNames', () => {
  it('knows every name added, and almost no other', () => {
    const taken = new TakenAccountNames();
    for (let index = 0; index < 50_000; index += 1) taken.add(`jean.dupont${index}`);

    const known = Array.from({ length: 50_000 }, (_, index) => taken.has(`jean.dupont${index}`));
    const wronglyKnown = Array.from({ length: 50_000 }, (_, index) => taken.has(`marie.martin${index}`)).filter(Boolean).length;

    expect(known.every(Boolean)).toBe(true);
    expect(wronglyKnown).toBeLessThan(50);
  });

  it('forgets names after two generations, but keeps those met again', () => {
    const taken = new NameGenerations(1_000);
    taken.add('kept');
    taken.add('forgotten');
    for (let index = 0; index < 1_200; index += 1) taken.add(`first${index}`);
    expect(taken.has('kept')).toBe(true);
    for (let index = 0; index < 1_200; index += 1) taken.add(`second${index}`);

    expect(taken.has('kept')).toBe(true);
    expect(taken.has('forgotten')).toBe(false);
    expect(taken.has('first0')).toBe(false);
    expect(taken.has('second1199')).toBe(true);
  });
});
