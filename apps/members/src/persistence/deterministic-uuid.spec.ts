import { deterministicUuid } from './deterministic-uuid';

describe('deterministicUuid', () => {
  it('is stable for a seed and differs across seeds', () => {
    expect(deterministicUuid('b1:7')).toBe(deterministicUuid('b1:7'));
    expect(deterministicUuid('b1:7')).not.toBe(deterministicUuid('b1:8'));
    expect(deterministicUuid('b1:7')).not.toBe(deterministicUuid('b2:7'));
  });

  it('looks like a UUID v4', () => {
    for (let line = 1; line < 200; line += 1) {
      expect(deterministicUuid(`batch:${line}`)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
