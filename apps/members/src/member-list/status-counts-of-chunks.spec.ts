import { countStatuses, knownSizes } from './status-counts-of-chunks';

const chunk = (batchId: string, index: number, size: number) => ({ run: { batchId, chunk: index }, size });

describe('knownSizes', () => {
  const chunks = [chunk('a', 0, 500), chunk('a', 1, 480), chunk('b', 0, 12)];

  it('trusts the counts of an unmarked chunk, and counts again a marked one', () => {
    const { sizes, toCount } = knownSizes(
      chunks,
      { counted: new Map([['a:0', { active: 300, pending_activation: 200 }], ['a:1', { active: 5 }]]), marks: new Map([['a:1', 'm1']]) },
      true,
      'active',
    );
    expect(sizes).toEqual(new Map([['a:0', 300], ['b:0', 0]]));
    expect(toCount).toEqual([{ chunk: { batchId: 'a', chunk: 1 }, mark: 'm1' }]);
  });

  it('takes a chunk never counted nor marked as the commit left it: every member it still has pending', () => {
    const { sizes, toCount } = knownSizes(chunks, { counted: new Map(), marks: new Map() }, true, 'pending_activation');
    expect(sizes).toEqual(new Map([['a:0', 500], ['a:1', 480], ['b:0', 12]]));
    expect(toCount).toEqual([]);
  });

  it('counts every chunk it has no counts for until the upgrade has marked the chunks of before', () => {
    const { sizes, toCount } = knownSizes(chunks, { counted: new Map([['a:0', { suspended: 2 }]]), marks: new Map() }, false, 'suspended');
    expect(sizes).toEqual(new Map([['a:0', 2]]));
    expect(toCount.map((next) => next.mark)).toEqual([null, null]);
    expect(toCount.map((next) => next.chunk)).toEqual([{ batchId: 'a', chunk: 1 }, { batchId: 'b', chunk: 0 }]);
  });
});

describe('countStatuses', () => {
  it('counts each status present', () => {
    expect(countStatuses(['active', 'pending_activation', 'active', 'suspended', 'active'])).toEqual({ active: 3, pending_activation: 1, suspended: 1 });
    expect(countStatuses([])).toEqual({});
  });
});
