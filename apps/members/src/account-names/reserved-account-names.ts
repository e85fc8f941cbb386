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

// What is left of a name once digits and punctuation, which anyone can add to a word, are gone.
function skeleton(name: string): string {
  return name.toLowerCase().replace(/[0-9._-]/g, '');
}

export function isReservedAccountName(name: string): boolean {
  return RESERVED_SKELETONS.has(skeleton(name));
}
