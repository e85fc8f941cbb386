import { hash } from 'node:crypto';
import { ACCOUNT_NAME_MAX_LENGTH, validateAccountName } from './account-name';

/**
 * Numbered variants of a name that differ from one row to the next (the numbers come from
 * `seed`), so that the many people of a large company who share a name do not all walk the
 * same `name1, name2, …` sequence and collide at every step. One at a time, from the first
 * `attempts` numbers drawn: a row usually needs one or two of them, and each costs a hash. The
 * numbers drawn do not depend on `attempts`, so a longer run starts with a shorter one's names.
 */
export function* spreadAccountNameSequence(base: string, seed: string, attempts: number): Generator<string> {
  const given = new Set<string>();
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const number = 100 + (parseInt(hash('sha256', `${seed}:${attempt}`, 'hex').slice(0, 8), 16) % 9_900);
    const digits = String(number);
    const stem = base.slice(0, ACCOUNT_NAME_MAX_LENGTH - digits.length).replace(/[._-]+$/, '');
    const name = `${stem}${digits}`;
    if (validateAccountName(name) !== null || given.has(name)) continue;
    given.add(name);
    yield name;
  }
}
