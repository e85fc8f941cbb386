import type { RowProblem } from '@app/contracts';

export const ROW_CHANGES = ['name', 'names', 'password', 'addAnyway'] as const;

/** A change the admin asked for on one row and the members service refused, to show again on that row. */
export interface RowEdit {
  rowId: string;
  change: (typeof ROW_CHANGES)[number];
  /** What was typed, but never a password. */
  values: { accountName?: string; firstName?: string; lastName?: string };
  problem: RowProblem;
  /** Fresh names to pick from when the one asked for was taken. */
  suggestions: string[];
}
