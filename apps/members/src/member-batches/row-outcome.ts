import type { RowProblem } from '@app/contracts';
import type { BatchRow } from './batch-row';

/** What committing a valid row did: an account (perhaps under another name, or with a notice), or a failure. */
export interface RowOutcome {
  rowId: string;
  line: number;
  status: 'created' | 'failed';
  accountName: string | null;
  notices: RowProblem[];
  problems: RowProblem[];
}

export function createdOutcome(row: Pick<BatchRow, '_id' | 'line'>, accountName: string | null, notices: RowProblem[] = []): RowOutcome {
  return { rowId: row._id, line: row.line, status: 'created', accountName, notices, problems: [] };
}

/**
 * The outcome of a valid row of a committed chunk: the notable one if there is one, else created as
 * reviewed. The notices the row had under review (a respelled user name) stay, before the commit's.
 */
export function outcomeOf(row: BatchRow, notable: ReadonlyMap<string, RowOutcome>): RowOutcome {
  const outcome = notable.get(row._id) ?? createdOutcome(row, row.accountName);
  return row.notices.length > 0 ? { ...outcome, notices: [...row.notices, ...outcome.notices] } : outcome;
}
