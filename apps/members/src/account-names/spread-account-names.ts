import { createHash } from 'node:crypto';
import { ACCOUNT_NAME_MAX_LENGTH, validateAccountName } from './account-name';

/**
 * Numbered variants of a name that differ from one row to the next (the numbers come from
 * `seed`), so that the many people of a large company who share a name do not all walk the
 * same `name1, name2, …` sequence and collide at every step.
 */
export function spreadAccountNames(base: string, seed: string, count: number): string[] {
  const names: string[] = [];
  for (let attempt = 0; names.length < count && attempt < count * 4; attempt += 1) {
    const number = 100 + (parseInt(createHash('sha256').update(`${seed}:${attempt}`).digest('hex').slice(0, 8), 16) % 9_900);
    const digits = String(number);
    const stem = base.slice(0, ACCOUNT_NAME_MAX_LENGTH - digits.length).replace(/[._-]+$/, '');
    const name = `${stem}${digits}`;
    if (validateAccountName(name) === null && !names.includes(name)) names.push(name);
  }
  return names;
}
