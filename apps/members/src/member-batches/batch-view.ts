import type { BatchRowView, MemberBatchView } from '@app/contracts';
import type { BatchRow } from './batch-row';
import type { RowOutcome } from './row-outcome';
import type { MemberBatch } from './member-batch';

export const INLINE_ROWS_LIMIT = 500;

/** The member a committed row made: the account it created, or the personal account it invited. */
function memberIdOf(row: BatchRow, outcome: RowOutcome): string | null {
  if (outcome.status === 'created') return row._id;
  if (outcome.status === 'invited') return outcome.inviteeId ?? row.invitee?.accountId ?? null;
  return null;
}

/** A row as the admin sees it: as reviewed, or as committed when its chunk's result says so. */
export function toBatchRowView(row: BatchRow, outcome?: RowOutcome): BatchRowView {
  if (outcome) {
    return {
      ...toBatchRowView(row),
      accountName: outcome.accountName,
      status: outcome.status,
      errors: outcome.problems,
      notices: outcome.notices,
      memberId: memberIdOf(row, outcome),
      kind: outcome.status === 'invited' || row.invitee ? 'invitation' : 'business_account',
    };
  }
  return {
    id: row._id,
    line: row.line,
    email: row.email,
    userName: row.userName,
    firstName: row.firstName,
    lastName: row.lastName,
    accountName: row.accountName,
    suggestions: row.suggestions,
    passwordSet: row.passwordHash !== null,
    status: row.status,
    errors: row.problems,
    notices: row.notices,
    memberId: row.memberId,
    kind: row.invitee ? 'invitation' : 'business_account',
  };
}

/**
 * A page of 500 batches travels on the broker (16 MiB at most): the columns a file had that the
 * import ignores are told, the first 100 (an Active Directory export has about that many), their
 * names cut short: 5 MB at most for a page.
 */
const SHOWN_IGNORED_COLUMNS = 100;
const SHOWN_NAME_CHARACTERS = 100;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function toBatchView(batch: MemberBatch, rows?: BatchRow[]): MemberBatchView {
  return {
    id: batch._id,
    status: batch.status,
    source: batch.source,
    fileName: batch.fileName,
    ignoredColumns: batch.ignoredColumns.slice(0, SHOWN_IGNORED_COLUMNS).map((name) => shortened(name, SHOWN_NAME_CHARACTERS)),
    // Batches read before 0.4 have none.
    emailColumn: batch.emailColumn ?? null,
    counts: batch.counts,
    createdAt: batch.createdAt.toISOString(),
    failureReason: batch.failureReason,
    failureCode: batch.failureCode ?? null,
    progress: null,
    ...(rows ? { rows: rows.map((row) => toBatchRowView(row)) } : {}),
  };
}
