import { ACCOUNT_NAME_MAX_LENGTH, ACCOUNT_NAME_MIN_LENGTH, validateAccountName, WELL_FORMED_ACCOUNT_NAME } from './account-name';
import { isReservedAccountName } from './reserved-account-names';
import { transliterate } from './transliterate';

export interface AccountNameSource {
  userName?: string;
  firstName?: string;
  lastName?: string;
  email: string;
}

// Used when neither the names nor the email give a single Latin letter to start from.
const FALLBACK_BASE = 'member';

/**
 * Account names to suggest for a new member, best first: from the user name the admin typed, then
 * from first and last name, then from the email's local part, then numbered forever. Every name is
 * valid and none repeats. Deterministic, so the same member always gets the same suggestions.
 */
export function* accountNameCandidates(source: AccountNameSource): Generator<string> {
  // Each kind of base is worked out when the ones before it are used up: most callers stop early.
  const kindsOfBases = [
    () => baseFrom(source.userName),
    () => personNameBases(words(source.firstName), words(source.lastName)),
    () => emailBases(source.email),
  ];
  const bases: string[] = [];
  const offered = new Set<string>();
  const fresh = (name: string): boolean => {
    if (offered.has(name) || validateAccountName(name) !== null) return false;
    offered.add(name);
    return true;
  };

  for (const basesOfKind of kindsOfBases) {
    for (const base of basesOfKind()) {
      bases.push(base);
      const name = base.length < ACCOUNT_NAME_MIN_LENGTH ? numbered(base, 1) : base;
      if (fresh(name)) yield name;
    }
  }
  const numberedBase = bases.find((base) => validateAccountName(numbered(base, 1)) === null) ?? FALLBACK_BASE;
  for (let n = 1; ; n++) {
    const name = numbered(numberedBase, n);
    if (fresh(name)) yield name;
  }
}

function personNameBases(first: string[], last: string[]): string[] {
  if (first.length === 0 || last.length === 0) {
    const only = first.length > 0 ? first : last;
    return only.length > 0 ? [...baseFrom(only.join('-')), ...baseFrom(only.join(''))] : [];
  }
  const f = first.join('-');
  const l = last.join('-');
  const fJoined = first.join('');
  const lJoined = last.join('');
  const initials = first.map((word) => word[0]).join('');
  return [
    `${f}.${l}`,
    `${fJoined}${lJoined}`,
    `${f}_${l}`,
    `${initials}${lJoined}`,
    `${l}.${f}`,
    `${f}-${l}`,
    `${initials}.${l}`,
    `${lJoined}${fJoined}`,
  ].flatMap(baseFrom);
}

function emailBases(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).split('+')[0];
  const bases = baseFrom(local);
  // `admin@acme.com` may well be a real person's mailbox; `admin.acme` tells them apart from staff.
  const domainLabel = at === -1 ? '' : email.slice(at + 1).split('.')[0];
  if (bases.length > 0 && isReservedAccountName(bases[0]) && domainLabel !== '') {
    bases.push(...baseFrom(`${bases[0]}.${domainLabel}`));
  }
  return bases;
}

// Names split into ASCII words; apostrophes vanish so that O'Brien gives "obrien", not "o" and "brien".
function words(name: string | undefined): string[] {
  if (name === undefined) return [];
  return transliterate(name).replace(/['`]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/** The closest thing to a valid account name that `text` gives, except for length padding; none if empty. */
function baseFrom(text: string | undefined): string[] {
  if (text === undefined) return [];
  // Most bases are built from words already respelled and joined by one mark: nothing to change.
  if (text.length <= ACCOUNT_NAME_MAX_LENGTH && WELL_FORMED_ACCOUNT_NAME.test(text)) return [text];
  const base = transliterate(text)
    .replace(/['`]/g, '')
    .replace(/[^a-z0-9._-]+/g, '.')
    .replace(/([._-])[._-]+/g, '$1')
    .replace(/^[^a-z]+/, '')
    .slice(0, ACCOUNT_NAME_MAX_LENGTH)
    .replace(/[._-]+$/, '');
  return base === '' ? [] : [base];
}

// Zero-padded so that a short base still reaches the minimum length: li.wu → li.wu1, li → li0001.
function numbered(base: string, n: number): string {
  const digits = String(n).padStart(ACCOUNT_NAME_MIN_LENGTH - base.length, '0');
  return base.slice(0, ACCOUNT_NAME_MAX_LENGTH - digits.length) + digits;
}
