import type { BatchRowView, MemberBatchView } from '@app/contracts';
import type { BatchRow } from './persistence/batch-row.schema';
import type { MemberBatch } from './persistence/member-batch.schema';

export const INLINE_ROWS_LIMIT = 500;

export function toBatchRowView(row: BatchRow): BatchRowView {
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
  };
}

export function toBatchView(batch: MemberBatch, rows?: BatchRow[]): MemberBatchView {
  return {
    id: batch._id,
    status: batch.status,
    source: batch.source,
    fileName: batch.fileName,
    ignoredColumns: batch.ignoredColumns,
    counts: batch.counts,
    createdAt: batch.createdAt.toISOString(),
    failureReason: batch.failureReason,
    progress: null,
    ...(rows ? { rows: rows.map(toBatchRowView) } : {}),
  };
}
