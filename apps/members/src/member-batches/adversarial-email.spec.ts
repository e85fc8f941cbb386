import { isValidEmail, normalizeEmail } from '../accounts/email-address';
import { parseEmailList } from './email-list';

const SIZE = 64 * 1024;
/** Generous: these are read in milliseconds; a backtracking expression would take seconds (a pause of the whole test run's heap once took 1 s in CI). */
const BOUND_MS = 2_000;

describe('the email check takes 64 KB adversarial input in linear time', () => {
  it.each([
    ['a@a@a@…', 'a@'.repeat(SIZE / 2)],
    ['a@ then dots', `a@${'.'.repeat(SIZE)}x`],
    ['a.a.a.…@', `${'a.'.repeat(SIZE / 2)}@x.example`],
    ['a@ then labels', `a@${'a-'.repeat(SIZE / 2)}.example`],
    ['quotes and angles', '"<'.repeat(SIZE / 2)],
    ['[[[[…', '['.repeat(SIZE)],
  ])('%s', (_name, input) => {
    const started = performance.now();
    const entries = parseEmailList(input);
    const valid = entries.map((entry) => isValidEmail(normalizeEmail(entry.email)));
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(valid.every((ok) => !ok)).toBe(true);
  });
});
