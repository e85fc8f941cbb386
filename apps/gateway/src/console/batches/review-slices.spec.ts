import { problemsFirstReads } from './review-slices';

describe('problemsFirstReads', () => {
  it('reads only rows with problems while they fill the page', () => {
    expect(problemsFirstReads(120, 2, 50)).toEqual([{ status: 'invalid', page: 2, limit: 50, skip: 0, take: 50 }]);
  });

  it('ends the rows with problems and starts the ready ones on the page that straddles them', () => {
    expect(problemsFirstReads(120, 3, 50)).toEqual([
      { status: 'invalid', page: 3, limit: 50, skip: 0, take: 20 },
      { status: 'valid', page: 1, limit: 50, skip: 0, take: 30 },
    ]);
  });

  it('takes the ready rows of a later page from two pages of the API', () => {
    // Page 4 shows ready rows 30 to 79: the end of their first API page and the start of the second.
    expect(problemsFirstReads(120, 4, 50)).toEqual([
      { status: 'valid', page: 1, limit: 50, skip: 30, take: 20 },
      { status: 'valid', page: 2, limit: 50, skip: 0, take: 30 },
    ]);
  });

  it('reads one page of ready rows when there is no problem', () => {
    expect(problemsFirstReads(0, 2, 50)).toEqual([{ status: 'valid', page: 2, limit: 50, skip: 0, take: 50 }]);
  });

  it('reads exactly the ready page that follows a whole number of pages of problems', () => {
    expect(problemsFirstReads(100, 3, 50)).toEqual([{ status: 'valid', page: 1, limit: 50, skip: 0, take: 50 }]);
  });
});
