import { RecentlyUsed } from './recently-used';

describe('RecentlyUsed', () => {
  it('forgets the least recently used entry once full', () => {
    const names = new RecentlyUsed<string, number>(2);
    names.set('a', 1);
    names.set('b', 2);
    names.set('c', 3);

    expect([names.has('a'), names.get('b'), names.get('c'), names.size]).toEqual([false, 2, 3, 2]);
  });

  it('keeps an entry read since, and forgets the one not read', () => {
    const names = new RecentlyUsed<string, number>(2);
    names.set('a', 1);
    names.set('b', 2);
    expect(names.get('a')).toBe(1);
    names.set('c', 3);

    expect([names.get('a'), names.has('b'), names.get('c')]).toEqual([1, false, 3]);
  });

  it('counts a key set again as new, with its new value, and never holds more than its capacity', () => {
    const names = new RecentlyUsed<string, number>(3);
    for (let index = 0; index < 1_000; index += 1) names.set(`name${index % 5}`, index);
    names.set('name4', -1);
    names.set('other', 0);

    expect(names.size).toBe(3);
    expect([names.get('name4'), names.get('other'), names.has('name2'), names.has('name1')]).toEqual([-1, 0, false, false]);
  });

  it('tells whether it keeps a key without counting that as a use', () => {
    const names = new RecentlyUsed<string, number>(2);
    names.set('a', 1);
    names.set('b', 2);
    expect([names.keeps('a'), names.keeps('z')]).toEqual([true, false]);
    names.set('c', 3);

    expect([names.keeps('a'), names.keeps('b'), names.keeps('c')]).toEqual([false, true, true]);
  });
});
