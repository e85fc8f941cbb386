import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { IDEMPOTENCY_KEY_PATTERN } from './batch-upload';
import { PageQuery } from './pagination';
import { TenantScope } from './tenant-scope';
import { IfPresent } from './if-present';
import { SentPersonName } from './account';

const BATCH_STATUSES = ['validating', 'ready', 'committing', 'completed', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** `invited`: the row's address belongs to a personal account, which the commit invited instead of creating an account. */
export const ROW_STATUSES = ['valid', 'invalid', 'created', 'invited', 'failed'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** What an admin may type at once (a list, or one text); more goes through a CSV upload. */
export const MAX_TYPED_EMAILS = 5_000;
export const MAX_TYPED_TEXT = 500_000;

/** What an admin may type as emails: one text, or a list; the gateway's HTTP body checks the same. */
export function IsEmailListInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailListInput',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TYPED_TEXT) ||
          (Array.isArray(value) &&
            value.length > 0 &&
            value.length <= MAX_TYPED_EMAILS &&
            value.every((item) => typeof item === 'string' && item.length <= 1_000)),
        defaultMessage: () =>
          `emails must be a non-empty string or a list of 1 to ${MAX_TYPED_EMAILS} strings; use a CSV upload for more`,
      },
    },
    options,
  );
}

export class CreateEmailBatchCommand extends TenantScope {
  @IsEmailListInput()
  emails: string | string[];

  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key must be 1 to 128 letters, digits or . _ : -' })
  idempotencyKey?: string;
}

/** What an admin changed in a row under review. */
class BatchRowPatch {
  @IfPresent()
  @IsString()
  @MaxLength(64)
  accountName?: string;

  @SentPersonName()
  firstName?: string;

  @SentPersonName()
  lastName?: string;

  @IfPresent()
  @IsString()
  @MaxLength(1024)
  password?: string;

  /** Adds a row the directory marks as disabled (`account_disabled_in_directory`) all the same. */
  @IfPresent()
  @IsIn([true], { message: 'addAnyway can only be true' })
  addAnyway?: true;
}

export class UpdateBatchRowCommand extends TenantScope {
  @IsUUID('4')
  batchId: string;

  @IsUUID('4')
  rowId: string;

  @ValidateNested()
  @Type(() => BatchRowPatch)
  patch: BatchRowPatch;
}

export class BatchRowsQuery extends PageQuery {
  @IsOptional()
  @IsIn(ROW_STATUSES, { message: `status must be one of ${ROW_STATUSES.join(', ')}` })
  status?: RowStatus;
}

export class ListBatchRowsCommand extends TenantScope {
  @IsUUID('4')
  batchId: string;

  @ValidateNested()
  @Type(() => BatchRowsQuery)
  query: BatchRowsQuery;
}

/** The organization's batches, newest first, a page at a time. */
export class ListBatchesCommand extends TenantScope {
  @ValidateNested()
  @Type(() => PageQuery)
  query: PageQuery;
}

export class BatchCommand extends TenantScope {
  @IsUUID('4')
  batchId: string;
}

export interface RowProblem {
  code: string;
  message: string;
}

export interface BatchCounts {
  total: number;
  valid: number;
  invalid: number;
  created: number;
  /** Rows the commit turned into invitations of personal accounts. */
  invited: number;
  failed: number;
}

export interface BatchProgress {
  phase: 'validating' | 'committing';
  processed: number;
  total: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export interface BatchRowView {
  id: string;
  line: number;
  email: string;
  userName: string | null;
  firstName: string | null;
  lastName: string | null;
  accountName: string | null;
  suggestions: string[];
  passwordSet: boolean;
  status: RowStatus;
  errors: RowProblem[];
  notices: RowProblem[];
  memberId: string | null;
  /**
   * `business_account`: the commit creates a business account. `invitation`: the address belongs
   * to a verified personal account in no organization, which the commit invites (its account name
   * is the account's own; names, account name and password cannot be edited).
   */
  kind: BatchRowKind;
}

export const BATCH_ROW_KINDS = ['business_account', 'invitation'] as const;
export type BatchRowKind = (typeof BATCH_ROW_KINDS)[number];

export interface MemberBatchView {
  id: string;
  status: BatchStatus;
  source: 'emails' | 'csv';
  fileName: string | null;
  ignoredColumns: string[];
  /** The file's column the addresses were taken from, as its header names it (e.g. "Proxy addresses"); null for typed addresses or a file without a header row. */
  emailColumn: string | null;
  counts: BatchCounts;
  createdAt: string;
  failureReason: string | null;
  /** Why a failed batch failed, as a code: the file's (`cell_too_large`, `unreadable_file` …) when the import workers found it past a limit or unreadable; null otherwise. */
  failureCode: string | null;
  progress: BatchProgress | null;
  rows?: BatchRowView[];
}
