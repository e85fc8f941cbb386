import { ErrorCode } from '@app/contracts';
import { isReservedAccountName } from './reserved-account-names';

export const ACCOUNT_NAME_MIN_LENGTH = 6;
export const ACCOUNT_NAME_MAX_LENGTH = 32;

export interface AccountNameProblem {
  code: typeof ErrorCode.InvalidAccountName;
  message: string;
}

const ALLOWED_CHARACTER = /^[a-z0-9._-]$/;
const PUNCTUATION = /^[._-]$/;

/**
 * A valid name's shape, length and reserved words aside: a letter, then letters, digits and lone
 * punctuation marks, ending with a letter or digit. Suggesting names checks dozens a row, nearly
 * all valid: those skip the rule-by-rule walk that words the problem.
 */
export const WELL_FORMED_ACCOUNT_NAME = /^[a-z](?:[._-]?[a-z0-9])*$/;

/** Why `name` cannot be an account name, or null when it can. Reports the first rule broken. */
export function validateAccountName(name: string): AccountNameProblem | null {
  if (name.length >= ACCOUNT_NAME_MIN_LENGTH && name.length <= ACCOUNT_NAME_MAX_LENGTH && WELL_FORMED_ACCOUNT_NAME.test(name) && !isReservedAccountName(name)) return null;
  const characters = [...name];
  const message =
    characterProblem(characters) ??
    lengthProblem(characters.length) ??
    punctuationProblem(characters) ??
    (isReservedAccountName(name) ? `"${name}" is reserved and cannot be used as an account name.` : null);
  return message === null ? null : { code: ErrorCode.InvalidAccountName, message };
}

function characterProblem(characters: string[]): string | null {
  const bad = characters.find((char) => !ALLOWED_CHARACTER.test(char));
  if (bad !== undefined) {
    return bad.toLowerCase() !== bad && ALLOWED_CHARACTER.test(bad.toLowerCase())
      ? `Account name must be lowercase; found "${bad}".`
      : `Account name may only contain lowercase letters a-z, digits, ".", "_" and "-"; found ${describe(bad)}.`;
  }
  if (characters.length > 0 && !/^[a-z]$/.test(characters[0])) {
    return `Account name must start with a letter a-z; it starts with "${characters[0]}".`;
  }
  return null;
}

function lengthProblem(length: number): string | null {
  if (length < ACCOUNT_NAME_MIN_LENGTH) {
    return `Account name must be at least ${ACCOUNT_NAME_MIN_LENGTH} characters long; it has ${length}.`;
  }
  if (length > ACCOUNT_NAME_MAX_LENGTH) {
    return `Account name must be at most ${ACCOUNT_NAME_MAX_LENGTH} characters long; it has ${length}.`;
  }
  return null;
}

function punctuationProblem(characters: string[]): string | null {
  for (let i = 1; i < characters.length; i++) {
    if (PUNCTUATION.test(characters[i - 1]) && PUNCTUATION.test(characters[i])) {
      return `Account name cannot have two punctuation marks in a row; found "${characters[i - 1]}${characters[i]}".`;
    }
  }
  const last = characters[characters.length - 1];
  if (PUNCTUATION.test(last)) {
    return `Account name cannot end with a punctuation mark; it ends with "${last}".`;
  }
  return null;
}

// Invisible characters are named by code point, or the admin would read `found " "` and see nothing wrong.
function describe(char: string): string {
  if (char === ' ') return 'a space';
  if (/^[\s\p{C}]$/u.test(char)) return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
}
