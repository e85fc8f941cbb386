import { saysDisabled } from './account-state';
import { splitDisplayName } from './display-name';
import { type EmailSource, looksLikeEmail, type MemberColumns } from './header-columns';
import { primaryAddressOf } from './proxy-addresses';

/** One member of a directory export, as read: the values the import uses and why. */
export interface DirectoryRow {
  /** Where the row starts: the physical line of a CSV file, as a text editor numbers it, or the row number of a worksheet. */
  readonly line: number;
  /** Empty when the row has no address in any of the file's address columns. */
  readonly email: string;
  /** The header of the column the address came from, when not the batch's email column (empty there on this row). */
  readonly emailFromColumn?: string;
  /** Never an address: a user name column holding sign-in addresses gives no user name. */
  readonly userName?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** The display name the first and last name were split from, when the row had neither. */
  readonly namesFromDisplayName?: string;
  /** The column, and its value, by which the directory says the account is disabled, blocked or deleted. */
  readonly disabledInDirectory?: { readonly column: string; readonly value: string };
  /** Every value of the row, trimmed, for errors.csv. */
  readonly cells: string[];
}

/** The row a record of the file gives, with `headers` the header cells (none without a header row). */
export function directoryRowOf(line: number, cells: string[], columns: MemberColumns, headers: readonly string[]): DirectoryRow {
  const { email, source } = addressOf(cells, columns);
  const userName = valueAt(cells, columns.userName);
  const names = { firstName: valueAt(cells, columns.firstName), lastName: valueAt(cells, columns.lastName) };
  const displayName = valueAt(cells, columns.displayName);
  const split = !names.firstName && !names.lastName && displayName ? splitDisplayName(displayName) : undefined;
  const disabled = columns.accountStates?.find(({ column, kind }) => saysDisabled(kind, cells[column] ?? ''));
  return {
    line,
    email,
    ...(source !== undefined && source !== columns.email ? { emailFromColumn: headers[source] ?? `column ${source + 1}` } : {}),
    ...(userName && !userName.includes('@') ? { userName } : {}),
    ...definedOnly(split ?? names),
    ...(split && (split.firstName || split.lastName) ? { namesFromDisplayName: displayName } : {}),
    ...(disabled ? { disabledInDirectory: { column: headers[disabled.column] ?? '', value: cells[disabled.column] } } : {}),
    cells,
  };
}

/** The first address the row's sources give, in their order, and the column it came from. */
function addressOf(cells: readonly string[], columns: MemberColumns): { email: string; source?: number } {
  const sources: readonly EmailSource[] = columns.emailSources ?? [{ column: columns.email, kind: 'email' }];
  for (const { column, kind } of sources) {
    const cell = cells[column] ?? '';
    const address = kind === 'proxyAddresses' ? primaryAddressOf(cell) : cell;
    if (address === '' || (kind === 'userName' && !looksLikeEmail(address))) continue;
    return { email: address, source: column };
  }
  return { email: '' };
}

function valueAt(cells: readonly string[], column: number | undefined): string | undefined {
  return column === undefined || !cells[column] ? undefined : cells[column];
}

function definedOnly(names: { firstName?: string; lastName?: string }): { firstName?: string; lastName?: string } {
  return { ...(names.firstName ? { firstName: names.firstName } : {}), ...(names.lastName ? { lastName: names.lastName } : {}) };
}
