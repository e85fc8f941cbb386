import { pageNumber, pagingView } from './paging';

describe('pagingView', () => {
  it('links both neighbours and keeps the list’s other parameters', () => {
    expect(pagingView('/console/members', { q: 'zoé', status: undefined }, 2, 50, 120)).toEqual({
      page: 2,
      pages: 3,
      previousHref: '/console/members?q=zo%C3%A9',
      nextHref: '/console/members?q=zo%C3%A9&page=3',
      shown: true,
    });
  });

  it('hides the pager of a single page, even an empty one', () => {
    expect(pagingView('/console/batches', {}, 1, 25, 0)).toMatchObject({ pages: 1, previousHref: null, nextHref: null, shown: false });
  });

  it('leads back to the last page from past the end', () => {
    expect(pagingView('/console/batches', {}, 9, 25, 30).previousHref).toBe('/console/batches?page=2');
  });
});

describe('pageNumber', () => {
  it.each([
    ['3', 3],
    ['0', 1],
    ['-2', 1],
    ['2.5', 1],
    ['abc', 1],
    [undefined, 1],
    [['2', '3'], 1],
    ['99999999', 1],
  ])('reads %p as page %p', (value, page) => {
    expect(pageNumber(value)).toBe(page);
  });
});
