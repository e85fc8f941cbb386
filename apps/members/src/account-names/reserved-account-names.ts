/**
 * Words no member may take as an account name, because the name would pass for staff, a system
 * mailbox or the product itself. Compared after digits and punctuation are removed, so `admin1` and
 * `no.reply` are refused as well (see `isReservedAccountName`).
 */
const RESERVED_WORDS = [
  'abuse',
  'admin',
  'administrator',
  'anonymous',
  'api',
  'billing',
  'everyone',
  'help',
  'hostmaster',
  'info',
  'mail',
  'microsoft',
  'moderator',
  'noreply',
  'no-reply',
  'null',
  'official',
  'postmaster',
  'root',
  'roster',
  'sales',
  'security',
  'skype',
  'staff',
  'support',
  'system',
  'test',
  'undefined',
  'webmaster',
  'www',
];

const RESERVED_SKELETONS = new Set(RESERVED_WORDS.map(skeleton));

const A = 'a'.charCodeAt(0);
const Z = 'z'.charCodeAt(0);
const LEFT_OUT_OF_SKELETON = new Set([...'0123456789._-'].map((char) => char.charCodeAt(0)));

// What is left of a name once digits and punctuation, which anyone can add to a word, are gone.
function skeleton(name: string): string {
  return name.toLowerCase().replace(/[0-9._-]/g, '');
}

/**
 * For each first letter a-z of a reserved word's skeleton, a bit for each length such skeletons
 * have: a name whose skeleton starts with another letter or has another length is not reserved.
 */
const LENGTHS_BY_FIRST_LETTER = new Uint32Array(26);
for (const reserved of RESERVED_SKELETONS) LENGTHS_BY_FIRST_LETTER[reserved.charCodeAt(0) - A] |= 1 << reserved.length;

export function isReservedAccountName(name: string): boolean {
  return mayBeReserved(name) && RESERVED_SKELETONS.has(skeleton(name));
}

/**
 * False when the name's skeleton cannot be a reserved word's, worked out without building it:
 * names are checked a dozen times a row while suggestions are made, and nearly none is reserved.
 * Names with anything but ASCII letters, digits and punctuation are left to `skeleton`.
 */
function mayBeReserved(name: string): boolean {
  let first = -1;
  let letters = 0;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    const lower = code | 0x20; // a-z for A-Z and a-z only
    if (lower >= A && lower <= Z) {
      if (first === -1) first = lower - A;
      letters += 1;
    } else if (!LEFT_OUT_OF_SKELETON.has(code)) {
      return true;
    }
  }
  return first !== -1 && letters < 32 && (LENGTHS_BY_FIRST_LETTER[first] & (1 << letters)) !== 0;
}
