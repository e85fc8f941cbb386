import { sliceRuns } from './page-slices';

const runs = [
  { run: 'a', size: 3 },
  { run: 'empty', size: 0 },
  { run: 'b', size: 5 },
  { run: 'c', size: 2 },
];

describe('sliceRuns', () => {
  it.each([
    ['the first page within one run', 0, 2, [{ run: 'a', skip: 0, take: 2 }]],
    ['a page across runs, skipping an empty one', 2, 4, [{ run: 'a', skip: 2, take: 1 }, { run: 'b', skip: 0, take: 3 }]],
    ['a page starting inside a run', 4, 3, [{ run: 'b', skip: 1, take: 3 }]],
    ['the last page, shorter than the limit', 8, 5, [{ run: 'c', skip: 0, take: 2 }]],
    ['a page that holds every member', 0, 50, [{ run: 'a', skip: 0, take: 3 }, { run: 'b', skip: 0, take: 5 }, { run: 'c', skip: 0, take: 2 }]],
    ['a page past the end', 10, 5, []],
  ])('%s', (_case, offset, limit, expected) => {
    expect(sliceRuns(runs, offset, limit)).toEqual(expected);
  });

  it('has nothing to read when there are no runs', () => {
    expect(sliceRuns([], 0, 50)).toEqual([]);
  });
});
