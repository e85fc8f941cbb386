import { splitDisplayName } from './display-name';
import { looksLikeEmail, readColumnLayout } from './header-columns';
import { primaryAddressOf } from './proxy-addresses';

const SIZE = 64 * 1024;
/**
 * Generous: each of these cells is read in a few milliseconds. The expressions they replaced took
 * 4 to 10 seconds on each (quadratic backtracking), measured on the same cells. A garbage
 * collection of the whole test run's heap once took one of them to 975 ms in CI.
 */
const BOUND_MS = 2_000;

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

// Cells built to make a backtracking expression retry from every position.
const CELLS: Array<[string, string]> = [
  ['[[[[…', '['.repeat(SIZE)],
  ['((((…', '('.repeat(SIZE)],
  ['a@a@a@…', 'a@'.repeat(SIZE / 2)],
  ['a@ then dots', `a@${'.'.repeat(SIZE)}x@`],
  ['a@ then a.a.a.…', `a@${'a.'.repeat(SIZE / 2)}@`],
  ['blanks then a letter', `${' '.repeat(SIZE)}x`],
  ['[ then blanks', `[${' '.repeat(SIZE)}`],
  ['+a+a+a… (proxy-address entries)', '+a'.repeat(SIZE / 2)],
  ['SMTP:SMTP:…', 'SMTP:'.repeat(SIZE / 5)],
];

describe('64 KB adversarial cells are read in linear time', () => {
  it.each(CELLS)('header detection of %s', (_name, cell) => {
    const { result, ms } = timed(() => readColumnLayout([[cell, 'Email'], ['jane@example.com', cell]]));
    expect(result.kind).toBeDefined();
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each(CELLS)('the address check of %s', (_name, cell) => {
    const { result, ms } = timed(() => looksLikeEmail(cell));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each(CELLS)('the display-name split of %s', (_name, cell) => {
    const { ms } = timed(() => splitDisplayName(cell));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each(CELLS)('the proxy-address list %s', (_name, cell) => {
    const { ms } = timed(() => primaryAddressOf(cell));
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('the linear rewrites say what the expressions said', () => {
  it.each([
    ['jane@example.com', true],
    ['  jane@example.com ', true],
    ['j@e.c', true],
    ['jane@.example.com', true],
    ['jane@example.', false],
    ['jane@example', false],
    ['jane@.com', false],
    ['@example.com', false],
    ['jane@@example.com', false],
    ['ja ne@example.com', false],
    ['jane@exa@mple.com', false],
    ['jane@ex..', true],
  ])('looksLikeEmail(%j) is %s', (cell, expected) => {
    expect(looksLikeEmail(cell)).toBe(expected);
    expect(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell.trim())).toBe(expected);
  });

  it.each([
    ['Email Address [Required]', 'email'],
    ['E-mail (work)', 'email'],
    ['[Required] Email', 'email'],
    ['Email [unclosed', undefined],
    ['Email (a) (b', undefined],
  ])('a header %j names %s', (header, role) => {
    const layout = readColumnLayout([[header], ['jane@example.com']]);
    expect(layout.kind === 'header' ? 'email' : undefined).toBe(role);
  });

  it.each([
    ['Adèle Vance (Contractor)', { firstName: 'Adèle', lastName: 'Vance' }],
    ['Adèle [ext] Vance', { firstName: 'Adèle', lastName: 'Vance' }],
    ['Adèle Vance (unclosed', { firstName: 'Adèle Vance', lastName: '(unclosed' }],
    ['(a] Adèle (b) Vance', { firstName: 'Adèle', lastName: 'Vance' }],
  ])('splitDisplayName(%j)', (name, expected) => {
    expect(splitDisplayName(name)).toEqual(expected);
  });
});
