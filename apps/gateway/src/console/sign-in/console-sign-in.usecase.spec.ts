import { safeNextPath } from './console-sign-in.usecase';

describe('safeNextPath', () => {
  it.each([
    ['/console/batches/1?show=problems', '/console/batches/1?show=problems'],
    ['/console/members', '/console/members'],
    ['https://evil.example/console/', '/console/members'],
    ['//evil.example/console/x', '/console/members'],
    ['/console/\\evil', '/console/members'],
    ['/api/v1/members', '/console/members'],
    [undefined, '/console/members'],
  ])('comes back to %p as %p', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });
});
