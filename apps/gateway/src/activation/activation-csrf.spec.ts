import { csrfCookieOptions, csrfTokensMatch, newCsrfToken } from './activation-csrf';

describe('newCsrfToken', () => {
  it('is 256 random bits, URL-safe, different every time', () => {
    const tokens = Array.from({ length: 50 }, newCsrfToken);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(50);
  });
});

describe('csrfTokensMatch', () => {
  const token = newCsrfToken();

  it.each<[string, unknown, unknown, boolean]>([
    ['the same value in cookie and field', token, token, true],
    ['another value in the field', token, newCsrfToken(), false],
    ['a prefix of the cookie', token, token.slice(0, 20), false],
    ['no cookie', undefined, token, false],
    ['no field', token, undefined, false],
    ['both empty', '', '', false],
    ['a repeated field', token, [token, token], false],
  ])('%s → %s', (_case, cookie, field, expected) => {
    expect(csrfTokensMatch(cookie, field)).toBe(expected);
  });
});

describe('csrfCookieOptions', () => {
  it.each([
    ['http://localhost:3000', false],
    ['https://roster.example/base', true],
  ])('%s → secure %s', (publicUrl, secure) => {
    expect(csrfCookieOptions(publicUrl)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/activate', secure });
  });
});
