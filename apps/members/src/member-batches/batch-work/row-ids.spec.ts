import { rowIdFor } from './row-ids';

describe('rowIdFor', () => {
  it('is stable for a batch and line, and differs across lines and batches', () => {
    expect(rowIdFor('b1', 7)).toBe(rowIdFor('b1', 7));
    expect(rowIdFor('b1', 7)).not.toBe(rowIdFor('b1', 8));
    expect(rowIdFor('b1', 7)).not.toBe(rowIdFor('b2', 7));
  });

  it('looks like a UUID v4', () => {
    for (let line = 1; line < 200; line += 1) {
      expect(rowIdFor('batch', line)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
