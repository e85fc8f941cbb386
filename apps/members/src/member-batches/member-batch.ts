import type { BatchCompletedEvent, BatchCounts, BatchStatus } from '@app/contracts';

/** An import of members: typed addresses or a file, validated, reviewed, then committed. */
export interface MemberBatch {
  _id: string;
  organizationId: string;
  createdByAdminId: string;
  source: 'emails' | 'csv';
  status: BatchStatus;
  /** The uploaded file's name, as the admin's computer called it (CSV batches). */
  fileName: string | null;
  /** The stored upload (GridFS id) the workers read, until the batch is ready. */
  uploadId: string | null;
  ignoredColumns: string[];
  /** The header of the column the file's addresses were taken from (null: typed, or a file without a header row). */
  emailColumn: string | null;
  /** The file's header cells and delimiter, to write errors.csv in the admin's own layout. */
  headers: string[];
  delimiter: string;
  /** Rows read from the file so far (progress while a file is being read). */
  parsedRows: number;
  counts: BatchCounts;
  /**
   * How many rows of each chunk the admin's edits turned valid since validation (negative: turned
   * invalid), by chunk number: with the chunks' validation reports, how many rows of each status
   * every chunk holds, so that a page of a status reads only the chunks it shows.
   */
  validShiftByChunk: Record<string, number>;
  /** How many chunks of BATCH_CHUNK_SIZE rows the import workers take the rows in (0 until the file is read). */
  chunkCount: number;
  failureReason: string | null;
  /** The file's error code, when the workers found it unreadable or past a limit (absent in batches of 0.4). */
  failureCode: string | null;
  createdAt: Date;
  validationStartedAt: Date | null;
  commitStartedAt: Date | null;
  /** The admin whose commit started the work, who invites the batch's personal accounts (absent before invitations). */
  committedByAdminId?: string | null;
  completedAt: Date | null;
  /** BatchCompleted, written with the final status and removed once the broker confirmed it. */
  pendingEvent: BatchCompletedEvent | null;
  eventPending: boolean;
}

/** A batch as it starts: validating, nothing counted yet but what the caller knows. */
export function newMemberBatch(
  fields: Pick<MemberBatch, '_id' | 'organizationId' | 'createdByAdminId' | 'source' | 'fileName' | 'uploadId' | 'headers' | 'parsedRows' | 'chunkCount'> & { total: number },
): MemberBatch {
  const now = new Date();
  const { total, ...rest } = fields;
  return {
    ...rest,
    status: 'validating',
    ignoredColumns: [],
    emailColumn: null,
    delimiter: ',',
    counts: { total, valid: 0, invalid: 0, created: 0, invited: 0, failed: 0 },
    validShiftByChunk: {},
    failureReason: null,
    failureCode: null,
    createdAt: now,
    validationStartedAt: now,
    commitStartedAt: null,
    completedAt: null,
    pendingEvent: null,
    eventPending: false,
  };
}
