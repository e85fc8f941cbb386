import { afterFailedAttempt, attemptsSoFar } from './retry-schedule';

describe('afterFailedAttempt', () => {
  const delays = [15_000, 60_000, 300_000];

  it.each([
    [1, { action: 'retry', tier: 0, delayMs: 15_000, attempts: 1 }],
    [2, { action: 'retry', tier: 1, delayMs: 60_000, attempts: 2 }],
    [3, { action: 'retry', tier: 2, delayMs: 300_000, attempts: 3 }],
    [4, { action: 'park', attempts: 4 }],
    [9, { action: 'park', attempts: 9 }],
  ])('after try %d: %j', (attempts, expected) => {
    expect(afterFailedAttempt(attempts, delays)).toEqual(expected);
  });

  it('parks after the first try when there is one delay and it was used', () => {
    expect(afterFailedAttempt(1, [500])).toEqual({ action: 'retry', tier: 0, delayMs: 500, attempts: 1 });
    expect(afterFailedAttempt(2, [500])).toEqual({ action: 'park', attempts: 2 });
  });
});

describe('attemptsSoFar', () => {
  it.each<[Record<string, unknown> | undefined, number]>([
    [undefined, 0],
    [{}, 0],
    [{ 'x-attempts': 2 }, 2],
    [{ 'x-attempts': '2' }, 0],
    [{ 'x-attempts': -1 }, 0],
    [{ 'x-attempts': 1.5 }, 0],
  ])('%j is %d', (headers, expected) => {
    expect(attemptsSoFar(headers)).toBe(expected);
  });
});
