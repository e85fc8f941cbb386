import { countRows } from './batch-row';

describe('countRows', () => {
  it.each([
    [[], { total: 0, valid: 0, invalid: 0, created: 0, invited: 0, failed: 0 }],
    [['valid', 'invalid', 'valid'], { total: 3, valid: 2, invalid: 1, created: 0, invited: 0, failed: 0 }],
    [['invalid', 'invalid'], { total: 2, valid: 0, invalid: 2, created: 0, invited: 0, failed: 0 }],
  ] as const)('counts %j', (statuses, expected) => {
    expect(countRows(statuses.map((status) => ({ status })))).toEqual(expected);
  });
});
