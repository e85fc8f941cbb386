/**
 * How the members list searches: a search matches a member when, ignoring case, accents and
 * punctuation between words, it begins the member's email, the email's domain, account name,
 * first name, last name, full name (either order), or a word of one of them (not of the domain,
 * nor one that starts with a digit).
 *
 * On FerretDB only plain equality reaches the database (a regular expression is applied after
 * every member of the organization is read), so each account keeps `searchKeys`: the beginnings
 * of those texts, 2, 3 and 5 characters long. A search is looked up by equality on its own first
 * 5, 3 or 2 characters, and the few accounts found are then checked against the whole search. On
 * MongoDB the same lookup uses an index. Keys are few and short: every key slows the commit's
 * inserts on FerretDB, and past about 2 KB its PostgreSQL backend compresses a document, which
 * every later scan of the collection then pays for.
 */

/** The lengths of the keys kept, longest first; a search shorter than the last reads every member (too many match it). */
const KEY_LENGTHS = [5, 3, 2];
/** Keys an account keeps at most, the most telling first (an index entry must stay small). */
const MAX_SEARCH_KEYS = 80;

/** Letters that Unicode decomposition does not reduce to a Latin letter and a mark. */
const LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' };

export interface SearchedMember {
  email: string;
  accountName: string;
  firstName: string | null;
  lastName: string | null;
}

/** Lower case without accents; apostrophes dropped; spaces, dots, hyphens, underscores and plus signs between words become one space. */
export function searchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßøłđðæœþı]/g, (letter) => LETTERS[letter])
    .replace(/['’`]/g, '')
    .replace(/[\s._\-+]+/g, ' ')
    .trim();
}

function namesOf(firstName: string | null, lastName: string | null): string[] {
  const first = firstName ? searchText(firstName) : '';
  const last = lastName ? searchText(lastName) : '';
  return [first, last, `${first} ${last}`.trim(), `${last} ${first}`.trim()];
}

function textsOf(member: SearchedMember): string[] {
  return [searchText(member.email), searchText(member.accountName), ...namesOf(member.firstName, member.lastName)].filter((text) => text !== '');
}

/** Where a search may begin in a text: its start, each word's start before any `@` (bar numbers), and the start of what follows the `@`. */
function beginnings(text: string): string[] {
  const at = text.indexOf('@');
  const end = at === -1 ? text.length : at;
  const found = [text];
  for (let space = text.indexOf(' '); space !== -1 && space < end; space = text.indexOf(' ', space + 1)) {
    if (!/[0-9]/.test(text[space + 1] ?? '0')) found.push(text.slice(space + 1));
  }
  if (at !== -1 && at + 1 < text.length) found.push(text.slice(at + 1));
  return found;
}

/** A search as it is compared: a leading `@` (a domain) is dropped. */
function wantedText(search: string): string {
  return searchText(search).replace(/^@/, '');
}

/** The keys of a text that a search beginning there may be looked up by: its first 2, 3 and 5 characters before any `@`, none ending in a space. */
function keysAt(beginning: string): string[] {
  const text = beginning.split('@')[0];
  return KEY_LENGTHS.filter((length) => length <= text.length && text[length - 1] !== ' ').map((length) => text.slice(0, length));
}

function keysOf(texts: string[]): string[] {
  const keys = new Set<string>();
  for (const text of texts) for (const beginning of beginnings(text)) for (const key of keysAt(beginning)) keys.add(key);
  return [...keys].slice(0, MAX_SEARCH_KEYS);
}

/** The keys an account is stored with. */
export function memberSearchKeys(member: SearchedMember): string[] {
  return keysOf(textsOf(member));
}

/** The keys names add to an account's (activation sets the member's own names; the keys of earlier names may stay: a search checks the member itself). */
export function nameSearchKeys(firstName: string | null, lastName: string | null): string[] {
  return keysOf(namesOf(firstName, lastName).filter((text) => text !== ''));
}

/** How a search is looked up: by a key, by reading every member (one character), or not at all (nothing can match: an empty search, or `@` alone). */
export function searchLookup(search: string): { key: string } | 'every member' | 'nothing' {
  const wanted = wantedText(search);
  if (wanted === '' || wanted === '@') return 'nothing';
  // The longest key the search's own beginning has: every member it matches holds it (keysAt).
  const [key] = keysAt(wanted);
  return key === undefined ? 'every member' : { key };
}

/** Whether the member matches the search (see above). */
export function matchesSearch(member: SearchedMember, search: string): boolean {
  const wanted = wantedText(search);
  return wanted !== '' && textsOf(member).some((text) => beginnings(text).some((beginning) => beginning.startsWith(wanted)));
}
