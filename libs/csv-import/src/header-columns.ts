type MemberField = 'email' | 'userName' | 'firstName' | 'lastName';

/** Zero-based positions of the columns the import uses. */
export interface MemberColumns {
  readonly email: number;
  readonly userName?: number;
  readonly firstName?: number;
  readonly lastName?: number;
}

export type ColumnLayout =
  | { readonly kind: 'header'; readonly columns: MemberColumns; readonly ignoredColumns: readonly string[] }
  | { readonly kind: 'no_header'; readonly columns: MemberColumns }
  | { readonly kind: 'missing_email_column'; readonly hasHeader: boolean };

// Exports from directories and spreadsheets, in English and French. Besides the names an admin
// would type: Okta ("Primary email"), Active Directory ("sAMAccountName", "sn", "givenName"),
// Outlook ("Adresse de messagerie"); Google's "Email Address [Required]" matches once the
// bracketed note is dropped.
const HEADER_NAMES: Readonly<Record<MemberField, readonly string[]>> = {
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
    'Primary email',
  ],
  userName: ['User name', 'Username', 'Login', "Nom d'utilisateur", 'Identifiant', 'User', 'sAMAccountName'],
  firstName: ['First name', 'Given name', 'Firstname', 'Prénom'],
  lastName: ['Last name', 'Surname', 'Family name', 'Lastname', 'Nom', 'Nom de famille', 'sn'],
};

export const ACCEPTED_EMAIL_HEADERS: readonly string[] = HEADER_NAMES.email;

const FIELD_BY_NORMALISED_NAME = new Map<string, MemberField>(
  (Object.entries(HEADER_NAMES) as Array<[MemberField, readonly string[]]>).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field] as const),
  ),
);

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the first non-blank row of a file. It is a header when one of its cells names a member field
 * and none looks like an email address; without a header the first column holds emails and the second
 * user names. The first column of each field wins; other columns are ignored.
 */
export function readColumnLayout(firstRow: readonly string[]): ColumnLayout {
  const cells = firstRow.map((cell) => cell.trim());
  const fields = cells.map(memberFieldNamedBy);
  const isHeader = fields.some((field) => field !== undefined) && !cells.some(looksLikeEmail);

  if (!isHeader) {
    if (!looksLikeEmail(cells[0] ?? '')) return { kind: 'missing_email_column', hasHeader: false };
    return { kind: 'no_header', columns: cells.length > 1 ? { email: 0, userName: 1 } : { email: 0 } };
  }

  const positions: Partial<Record<MemberField, number>> = {};
  const ignoredColumns = new Set<string>();
  fields.forEach((field, index) => {
    if (field !== undefined && positions[field] === undefined) positions[field] = index;
    else if (cells[index] !== '') ignoredColumns.add(cells[index]);
  });
  const { email, ...others } = positions;
  if (email === undefined) return { kind: 'missing_email_column', hasHeader: true };
  return { kind: 'header', columns: { email, ...others }, ignoredColumns: [...ignoredColumns] };
}

/** Which member field a header cell names, ignoring case, accents, spaces, punctuation and bracketed notes. */
function memberFieldNamedBy(headerCell: string): MemberField | undefined {
  return FIELD_BY_NORMALISED_NAME.get(normaliseHeader(headerCell));
}

function looksLikeEmail(cell: string): boolean {
  return EMAIL_LIKE.test(cell.trim());
}

function normaliseHeader(text: string): string {
  return text
    .replace(/\[[^\]]*\]|\([^)]*\)/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
