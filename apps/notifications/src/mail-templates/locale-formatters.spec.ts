import { formatCount, formatDateTime, formatNumber } from './locale-formatters';

describe('formatDateTime', () => {
  it.each([
    ['2025-03-04T19:05:00Z', 'fr', 'mardi 4 mars 2025 à 19:05 UTC'],
    ['2025-03-04T19:05:00Z', 'en', 'Tuesday, 4 March 2025 at 19:05 UTC'],
    ['2025-12-31T23:59:00-02:00', 'fr', 'jeudi 1 janvier 2026 à 01:59 UTC'],
    ['2025-07-01T08:00:00+02:00', 'en', 'Tuesday, 1 July 2025 at 06:00 UTC'],
  ] as const)('%s in %s is %s', (iso, locale, expected) => {
    expect(formatDateTime(new Date(iso), locale)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    [12, 'fr', '12'],
    [12345, 'fr', '12\u202f345'],
    [12345, 'en', '12,345'],
  ] as const)('%d in %s is %s', (value, locale, expected) => {
    expect(formatNumber(value, locale)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [0, 'fr', '0 compte'],
    [1, 'fr', '1 compte'],
    [2, 'fr', '2 comptes'],
    [0, 'en', '0 comptes'],
    [1, 'en', '1 compte'],
    [2, 'en', '2 comptes'],
    [1500, 'en', '1,500 comptes'],
  ] as const)('%d in %s is %s', (count, locale, expected) => {
    expect(formatCount(count, 'compte', 'comptes', locale)).toBe(expected);
  });
});
