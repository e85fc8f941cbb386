import { ACCOUNT_NAME_MAX_LENGTH, type AccountNameProblem, validateAccountName } from './account-name';
import { transliterate } from './transliterate';

/** What a directory's user name gives: a valid account name (adjusted or not), or why it cannot give one. */
export type RequestedName = { name: string; adjusted: boolean } | { refused: AccountNameProblem };

/** The account name a directory's user name asks for, as is: accents spelled out, lowercase, spaces as dots. */
export function requestedAccountName(userName: string): string {
  return transliterate(userName.trim()).replace(/\s+/g, '.');
}

/**
 * The account name a directory's user name gives: the one it asks for when that is valid, else the
 * closest valid one, marked adjusted (the admin is told). Refused only when the rules cannot be met
 * by respelling: too short, reserved, or nothing Latin in it.
 */
export function accountNameRequestedBy(userName: string): RequestedName {
  const asked = requestedAccountName(userName);
  if (validateAccountName(asked) === null) return { name: asked, adjusted: false };
  const closest = closestAccountName(asked);
  const problem = validateAccountName(closest);
  return problem ? { refused: problem } : { name: closest, adjusted: true };
}

/**
 * `name` respelled to the account-name rules without inventing anything: apostrophes dropped (as
 * suggestions do: o'brien → obrien); each run of characters that are not allowed, with any
 * punctuation marks beside it, becomes one mark, the first allowed one in the run or else `_`
 * (zoe;lefevre → zoe_lefevre, jean..dupont → jean.dupont); what comes before the first letter,
 * past 32 characters, or after the last letter or digit, is cut.
 */
export function closestAccountName(name: string): string {
  return transliterate(name)
    .replace(/['`]/g, '')
    .replace(/[^a-z0-9]{2,}|[^a-z0-9._-]/g, (run) => /[._-]/.exec(run)?.[0] ?? '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, ACCOUNT_NAME_MAX_LENGTH)
    .replace(/[^a-z0-9]+$/, '');
}
