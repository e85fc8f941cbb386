import { safeNext } from './member-page-session';

describe('where a sign-in on the people’s pages may lead back to', () => {
  it.each([
    ['/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c', '/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c'],
    ['/account', '/account'],
    ['//evil.example/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c', null],
    ['https://evil.example/account', null],
    ['/invitations/not-an-id', null],
    ['/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c?x=1', null],
    ['/console/members', null],
    [['/account'], null],
    [undefined, null],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
