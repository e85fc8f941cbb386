/** What a column of a directory export holds, as its header names it. */
type ColumnRole =
  | 'email'
  | 'proxyAddresses'
  | 'signInName'
  | 'userName'
  | 'firstName'
  | 'lastName'
  | 'displayName'
  | AccountStateKind;

/** How a column tells that the directory disabled an account; see account-state.ts. */
export type AccountStateKind = 'enabled' | 'blocked' | 'deleted' | 'status' | 'userAccountControl';

/** Where a row's address may come from, in the order they are tried. */
export interface EmailSource {
  readonly column: number;
  /** `userName` only counts when its values are addresses (Okta's "Username" is the sign-in address). */
  readonly kind: 'email' | 'proxyAddresses' | 'signInName' | 'userName';
}

export interface AccountStateColumn {
  readonly column: number;
  readonly kind: AccountStateKind;
}

/** Zero-based positions of the columns the import uses. */
export interface MemberColumns {
  /** The column whose address the batch uses (`emailColumn`); a row where it is empty tries `emailSources` in order. */
  readonly email: number;
  /** Every source of addresses, `email` first; absent when that column is the only one. */
  readonly emailSources?: readonly EmailSource[];
  readonly userName?: number;
  readonly firstName?: number;
  readonly lastName?: number;
  readonly displayName?: number;
  readonly accountStates?: readonly AccountStateColumn[];
}

export type ColumnLayout =
  | {
      readonly kind: 'header';
      /** Position of the header among the records given: the records before it are a preamble (`#TYPE …`, a title). */
      readonly headerRecord: number;
      readonly columns: MemberColumns;
      readonly ignoredColumns: readonly string[];
    }
  | { readonly kind: 'no_header'; readonly columns: MemberColumns }
  | { readonly kind: 'missing_email_column'; readonly hasHeader: boolean };

// Exports from directories and spreadsheets, in English and French, as each product names its
// columns: Microsoft 365 admin center ("User principal name", "Proxy addresses", "Block credential",
// "Soft deletion time stamp"), Entra ID ("userPrincipalName", "mail", "accountEnabled"), Google
// Workspace ("Email Address [Required]", "Status [READ ONLY]" once the bracketed note is dropped),
// Okta (the people list's "Username", "Primary email", "Status"; the User Accounts report's
// "Okta username", "Primary Email", "User fullname", "Okta user status"), JumpCloud ("Company Email", "User State", "Suspended"), Active
// Directory ("sAMAccountName", "givenName", "sn", "Enabled", "userAccountControl", "Name").
const HEADER_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  email: [
    'Email',
    'E-mail',
    'Email address',
    'E-mail address',
    'Mail',
    'Adresse e-mail',
    'Adresse électronique',
    'Adresse mail',
    'Adresse de messagerie',
    'Courriel',
    'Work email',
    'Company email',
    'Primary email',
    'Primary SMTP address',
    'PrimarySmtpAddress',
    'WindowsEmailAddress',
  ],
  proxyAddresses: ['Proxy addresses', 'Proxy address', 'proxyAddresses', 'Adresses proxy', 'Email addresses'],
  signInName: ['User principal name', 'userPrincipalName', 'UPN', 'Sign-in name', 'Nom d’utilisateur principal'],
  userName: ['User name', 'Username', 'Okta username', 'Login', "Nom d'utilisateur", 'Identifiant', 'User', 'sAMAccountName'],
  firstName: ['First name', 'Given name', 'Firstname', 'Prénom'],
  lastName: ['Last name', 'Surname', 'Family name', 'Lastname', 'Nom', 'Nom de famille', 'sn'],
  displayName: ['Display name', 'Full name', 'User fullname', 'Name', 'cn', 'Nom complet', "Nom d'affichage", 'Nom affiché'],
  enabled: ['Enabled', 'Account enabled', 'Active', 'Is active', 'Actif', 'Activé', 'Compte activé'],
  blocked: [
    'Block credential',
    'Blocked',
    'Sign-in blocked',
    'Disabled',
    'Account disabled',
    'Suspended',
    'Bloquer les informations d’identification',
    'Bloqué',
    'Désactivé',
    'Suspendu',
  ],
  deleted: ['Soft deletion time stamp', 'Deleted', 'Deleted date time', 'Deletion date', 'Supprimé'],
  // Not a bare "State": Microsoft 365 and Entra ID name the state of an address so.
  status: ['Status', 'User state', 'User status', 'Account status', 'Account state', 'Okta user status', 'Statut', 'Statut du compte'],
  userAccountControl: ['userAccountControl'],
};

export const ACCEPTED_EMAIL_HEADERS: readonly string[] = HEADER_NAMES.email;

const ROLE_BY_NORMALISED_NAME = new Map<string, ColumnRole>(
  (Object.entries(HEADER_NAMES) as Array<[ColumnRole, readonly string[]]>).flatMap(([role, names]) =>
    names.map((name) => [normaliseHeader(name), role] as const),
  ),
);

const EMAIL_SOURCE_ORDER: readonly EmailSource['kind'][] = ['email', 'proxyAddresses', 'signInName', 'userName'];
const ACCOUNT_STATE_KINDS = new Set<ColumnRole>(['enabled', 'blocked', 'deleted', 'status', 'userAccountControl']);
/** A header may follow a few lines of preamble: PowerShell's `#TYPE …`, a title above a table. */
const MAX_PREAMBLE_RECORDS = 10;


/**
 * Finds the header among the first records of a file: the first record that names a column the
 * import knows, none of its cells an email address, after at most a few lines of preamble. Without
 * a header the first column holds emails and the second user names. Of several columns holding
 * addresses, a mail column comes before a proxy-address list, which comes before a sign-in name;
 * a user name column counts when the records after the header hold addresses in it. The first
 * column of each role wins; other columns are ignored.
 */
export function readColumnLayout(records: readonly (readonly string[])[]): ColumnLayout {
  for (const [index, record] of records.slice(0, MAX_PREAMBLE_RECORDS).entries()) {
    const cells = record.map((cell) => cell.trim());
    if (cells.some(looksLikeEmail)) {
      if (index > 0 || !looksLikeEmail(cells[0] ?? '')) return { kind: 'missing_email_column', hasHeader: false };
      return { kind: 'no_header', columns: cells.length > 1 ? { email: 0, userName: 1 } : { email: 0 } };
    }
    const roles = cells.map(roleNamedBy);
    if (roles.some((role) => role !== undefined)) return headerLayout(index, cells, roles, records.slice(index + 1));
  }
  return { kind: 'missing_email_column', hasHeader: false };
}

/**
 * Whether a cell, trimmed, has the shape of an email address: no blank, one `@` with text before it,
 * and a dot inside the part after it. Written out rather than as `^[^\s@]+@[^\s@]+\.[^\s@]+$`,
 * whose backtracking takes seconds on a 64 KB cell such as `a@.....`: every step here is linear.
 */
export function looksLikeEmail(cell: string): boolean {
  const text = cell.trim();
  const at = text.indexOf('@');
  if (at < 1 || at !== text.lastIndexOf('@') || /\s/.test(text)) return false;
  const dot = text.indexOf('.', at + 2);
  return dot !== -1 && dot < text.length - 1;
}

function headerLayout(headerRecord: number, cells: string[], roles: (ColumnRole | undefined)[], below: readonly (readonly string[])[]): ColumnLayout {
  const first = new Map<ColumnRole, number>();
  roles.forEach((role, index) => {
    if (role !== undefined && !first.has(role)) first.set(role, index);
  });
  const holdsAddresses = (column: number) => below.some((record) => looksLikeEmail(record[column] ?? ''));
  const emailSources = EMAIL_SOURCE_ORDER.flatMap((kind): EmailSource[] => {
    const column = first.get(kind);
    return column === undefined || (kind === 'userName' && !holdsAddresses(column)) ? [] : [{ column, kind }];
  });
  if (emailSources.length === 0) return { kind: 'missing_email_column', hasHeader: true };

  const accountStates = [...first].filter(([role]) => ACCOUNT_STATE_KINDS.has(role)).map(([kind, column]) => ({ column, kind: kind as AccountStateKind }));
  const used = new Set<number>([...emailSources.map((source) => source.column), ...accountStates.map((state) => state.column)]);
  const named = (role: ColumnRole) => {
    const column = first.get(role);
    if (column !== undefined) used.add(column);
    return column === undefined ? {} : { [role]: column };
  };
  const columns: MemberColumns = {
    email: emailSources[0].column,
    ...(emailSources.length > 1 || emailSources[0].kind !== 'email' ? { emailSources } : {}),
    ...named('userName'),
    ...named('firstName'),
    ...named('lastName'),
    ...named('displayName'),
    ...(accountStates.length > 0 ? { accountStates } : {}),
  };
  const ignoredColumns = new Set(cells.filter((cell, index) => cell !== '' && !used.has(index)));
  return { kind: 'header', headerRecord, columns, ignoredColumns: [...ignoredColumns] };
}

/** Which role a header cell names, ignoring case, accents, spaces, punctuation and bracketed notes. */
function roleNamedBy(headerCell: string): ColumnRole | undefined {
  return ROLE_BY_NORMALISED_NAME.get(normaliseHeader(headerCell));
}

function normaliseHeader(text: string): string {
  return withoutBracketedNotes(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * `text` without its `[…]` and `(…)` notes, as `.replace(/\[[^\]]*\]|\([^)]*\)/g, '')` would, in
 * one pass: that expression looks for a closing bracket again from every unclosed `[`, which makes
 * a 64 KB cell of `[[[[…` take seconds.
 */
function withoutBracketedNotes(text: string): string {
  const closing: Record<string, string> = { '[': ']', '(': ')' };
  // Past these, an opening bracket has nothing to close it.
  const lastClosing: Record<string, number> = { '[': text.lastIndexOf(']'), '(': text.lastIndexOf(')') };
  let kept = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const close = closing[char];
    if (close !== undefined && index < lastClosing[char]) {
      index = text.indexOf(close, index + 1) + 1;
      continue;
    }
    kept += char;
    index += 1;
  }
  return kept;
}
