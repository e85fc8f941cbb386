import type { BatchCounts, RowProblem, RowStatus } from '@app/contracts';
import type { AccountNameSource } from '../account-names/account-name-candidates';

/** One person of a batch, as read from the file or typed, with what validation and review made of it. */
export interface BatchRow {
  /** Also the id of the account this row creates, which makes creation idempotent. */
  _id: string;
  batchId: string;
  organizationId: string;

  /** The line (or position, for typed emails) the admin can find the row at. */
  line: number;
  chunk: number;
  email: string;
  emailNormalized: string;
  userName: string | null;
  firstName: string | null;
  lastName: string | null;
  accountName: string | null;

  /** True when the admin (or the directory's user name) chose the account name: never replaced silently. */
  accountNameChosen: boolean;
  suggestions: string[];
  passwordHash: string | null;
  /** As validated or edited; what committing a row did is its outcome (RowOutcome), never written on the row. */
  status: ReviewedStatus;

  /** The row's errors (`errors` in the API) */
  problems: RowProblem[];
  notices: RowProblem[];
  memberId: string | null;
  /**
   * Set when the address belongs to a verified personal account in no organization: the commit
   * invites that account instead of creating one. Absent on rows stored before invitations: null.
   */
  invitee?: Invitee | null;

  /** The row's original values (the file's columns, or what was typed), for errors.csv. */
  cells: string[];
}

/** The personal account a row invites. */
export interface Invitee {
  accountId: string;
}

/** The statuses a row has while it is reviewed. */
export type ReviewedStatus = Extract<RowStatus, 'valid' | 'invalid'>;

/** How many of these rows have each status. */
export function countRows(rows: Pick<BatchRow, 'status'>[]): BatchCounts {
  const counts: BatchCounts = { total: rows.length, valid: 0, invalid: 0, created: 0, invited: 0, failed: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * What a `validate` job carries of a row: the row as the file gave it, its address held and the
 * user name its directory asks for settled. The job names the batch; nothing is decided yet.
 */
export type RowToValidate = Omit<BatchRow, 'batchId' | 'organizationId' | 'status' | 'passwordHash' | 'memberId'>;

export function rowToValidate(row: BatchRow): RowToValidate {
  const { batchId: _batchId, organizationId: _organizationId, status: _status, passwordHash: _passwordHash, memberId: _memberId, ...carried } = row;
  return carried;
}

/** A row a `validate` job carried, back in its batch, to be checked. */
export function rowOfBatch(row: RowToValidate, batch: { _id: string; organizationId: string }): BatchRow {
  return { ...row, batchId: batch._id, organizationId: batch.organizationId, status: row.problems.length > 0 ? 'invalid' : 'valid', passwordHash: null, memberId: null };
}

/** What committing needs of a valid row. */
export type RowToCommit = Pick<
  BatchRow,
  '_id' | 'line' | 'emailNormalized' | 'userName' | 'firstName' | 'lastName' | 'accountName' | 'suggestions' | 'passwordHash' | 'invitee'
>;

export function rowToCommit(row: BatchRow): RowToCommit {
  const { _id, line, emailNormalized, userName, firstName, lastName, accountName, suggestions, passwordHash, invitee } = row;
  return { _id, line, emailNormalized, userName, firstName, lastName, accountName, suggestions, passwordHash, invitee: invitee ?? null };
}

/** What a row's account names are derived from. */
export function nameSourceOf(row: Pick<BatchRow, 'userName' | 'firstName' | 'lastName' | 'emailNormalized'>): AccountNameSource {
  return {
    userName: row.userName ?? undefined,
    firstName: row.firstName ?? undefined,
    lastName: row.lastName ?? undefined,
    email: row.emailNormalized,
  };
}

/** `<batchId>:<chunk>`: the id of what exists once per chunk (its snapshot, its AccountCreated outbox entry). */
export function chunkId(batchId: string, chunk: number): string {
  return `${batchId}:${chunk}`;
}
