import { reviewedRuns } from './reviewed-rows-pager';

describe('reviewedRuns', () => {
  const chunks = [
    { chunk: 0, rows: 500, valid: 480 },
    { chunk: 1, rows: 500, valid: 500 },
    { chunk: 2, rows: 120, valid: 100 },
  ];

  it('counts each chunk’s rows of a status from its validation report', () => {
    expect(reviewedRuns(chunks, {}, 'valid').map((run) => run.size)).toEqual([480, 500, 100]);
    expect(reviewedRuns(chunks, {}, 'invalid').map((run) => run.size)).toEqual([20, 0, 20]);
    expect(reviewedRuns(chunks, {}, undefined).map((run) => run.size)).toEqual([500, 500, 120]);
  });

  it('moves the counts by what the admin’s edits changed in each chunk', () => {
    const shifted = reviewedRuns(chunks, { '0': 3, '2': -1 }, 'valid');
    expect(shifted).toEqual([
      { run: 0, size: 483 },
      { run: 1, size: 500 },
      { run: 2, size: 99 },
    ]);
    expect(reviewedRuns(chunks, { '0': 3, '2': -1 }, 'invalid').map((run) => run.size)).toEqual([17, 0, 21]);
  });
});
