import { RouteTable } from './route-table';

describe('RouteTable', () => {
  const table = new RouteTable([
    { method: 'GET', path: '/api/v1/member-batches' },
    { method: 'POST', path: '/api/v1/member-batches' },
    { method: 'GET', path: '/api/v1/member-batches/template.csv' },
    { method: 'GET', path: '/api/v1/member-batches/:batchId' },
    { method: 'PATCH', path: '/api/v1/member-batches/:batchId/rows/:rowId' },
    { method: 'GET', path: '/console/assets/*path' },
  ]);

  it.each<[string, string[]]>([
    ['/api/v1/member-batches', ['GET', 'HEAD', 'POST']],
    ['/api/v1/member-batches/', ['GET', 'HEAD', 'POST']],
    ['/api/v1/member-batches/template.csv', ['GET', 'HEAD']],
    ['/api/v1/member-batches/9bc8d821-d451-4ef8-86e8-2676e7e4e4f1', ['GET', 'HEAD']],
    ['/api/v1/member-batches/b/rows/r', ['PATCH']],
    ['/api/v1/member-batches/b/rows', []],
    ['/console/assets/console.css', ['GET', 'HEAD']],
    ['/console/assets/a/b.css', ['GET', 'HEAD']],
    ['/api/v1/member-batchesX', []],
    ['/nothing', []],
  ])('%s answers %j', (path, methods) => {
    expect(table.allowedMethods(path)).toEqual(methods);
  });

  it('reads a dot in a path as a dot, not as any character', () => {
    expect(table.allowedMethods('/api/v1/member-batches/templateXcsv')).toEqual(['GET', 'HEAD']); // matched as :batchId
    expect(new RouteTable([{ method: 'GET', path: '/a.b' }]).allowedMethods('/aXb')).toEqual([]);
  });
});
