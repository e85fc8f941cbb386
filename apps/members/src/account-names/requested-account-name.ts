import { transliterate } from './transliterate';

/**
 * The account name a directory's user name asks for: accents spelled out, lowercase, spaces as
 * dots. It is then held to the account-name rules as is, never silently rewritten further.
 */
export function requestedAccountName(userName: string): string {
  return transliterate(userName.trim()).replace(/\s+/g, '.');
}
