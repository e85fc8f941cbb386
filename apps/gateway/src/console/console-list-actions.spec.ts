import { backTo, withQuery } from './console-list-actions';

const members = { path: '/console/members', changedMeanwhile: [] };

describe('backTo', () => {
  it.each([
    ['the list itself', '/console/members', '/console/members'],
    ['the list as it was', '/console/members?q=zo%C3%A9&status=active&page=2', '/console/members?q=zo%C3%A9&status=active&page=2'],
    ['an empty query', '/console/members?', '/console/members?'],
    ['another list', '/console/invitations?status=pending', '/console/members'],
    ['a longer path', '/console/members-old', '/console/members'],
    ['a member page', '/console/members/3f2e1d0c-9b8a-4765-8432-10fedcba9876/history', '/console/members'],
    ['another site', 'https://example.org/console/members', '/console/members'],
    ['a protocol-relative address', '//example.org/console/members', '/console/members'],
    ['white space in the query', '/console/members?q=a b', '/console/members'],
    ['a line break after it', '/console/members?q=a\nSet-Cookie: x', '/console/members'],
    ['a backslash in the query', '/console/members?q=\\evil', '/console/members'],
    ['nothing', undefined, '/console/members'],
    ['not a string', ['/console/members?page=2'], '/console/members'],
  ])('from %s', (_case, back, expected) => {
    expect(backTo(members, { back })).toBe(expected);
  });
});

describe('withQuery', () => {
  it('adds its parameters, encoded, after those the address has', () => {
    expect(withQuery('/console/members', { done: 'suspended', name: 'zoé dupont' })).toBe('/console/members?done=suspended&name=zo%C3%A9+dupont');
    expect(withQuery('/console/members?page=2', { done: 'changed' })).toBe('/console/members?page=2&done=changed');
  });
});
