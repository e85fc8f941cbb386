import type { RowProblem } from '@app/contracts';
import type { BatchRow } from './batch-row';

/**
 * What committing a valid row did: an account (perhaps under another name, or with a notice), an
 * invitation of the personal account whose address the row has, or a failure.
 */
export interface RowOutcome {
  rowId: string;
  line: number;
  status: 'created' | 'invited' | 'failed';
  accountName: string | null;
  notices: RowProblem[];
  problems: RowProblem[];
  /**
   * `invited` only, when the row was not an invitation under review (its address became a
   * personal account's before the commit): the account invited. Otherwise the row's invitee.
   */
  inviteeId?: string;
}

export function createdOutcome(row: Pick<BatchRow, '_id' | 'line'>, accountName: string | null, notices: RowProblem[] = []): RowOutcome {
  return { rowId: row._id, line: row.line, status: 'created', accountName, notices, problems: [] };
}

export function invitedOutcome(row: Pick<BatchRow, '_id' | 'line'>, accountName: string | null, notices: RowProblem[] = []): RowOutcome {
  return { rowId: row._id, line: row.line, status: 'invited', accountName, notices, problems: [] };
}

/**
 * The outcome of a valid row of a committed chunk: the notable one if there is one, else invited
 * (an invitation row) or created as reviewed. The notices the row had under review (a respelled
 * user name) stay, before the commit's.
 */
export function outcomeOf(row: BatchRow, notable: ReadonlyMap<string, RowOutcome>): RowOutcome {
  const outcome = notable.get(row._id) ?? (row.invitee ? invitedOutcome(row, row.accountName) : createdOutcome(row, row.accountName));
  return row.notices.length > 0 ? { ...outcome, notices: [...row.notices, ...outcome.notices] } : outcome;
}
