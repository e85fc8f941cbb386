import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BatchCounts, BatchProgress, BatchStatus, MemberBatchView } from '@app/contracts';
import { BatchRowResponse } from './batch-row.response';

const BATCH_STATUSES: BatchStatus[] = ['validating', 'ready', 'committing', 'completed', 'failed'];

export class BatchCountsResponse implements BatchCounts {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  valid: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  invalid: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  created: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows the commit turned into invitations of existing personal accounts' })
  invited: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  failed: number;
}

export class BatchProgressResponse implements BatchProgress {
  @ApiProperty({ enum: ['validating', 'committing'] })
  phase: 'validating' | 'committing';

  @ApiProperty({ type: 'integer', minimum: 0 })
  processed: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ minimum: 0 })
  rowsPerSecond: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 0 })
  etaSeconds: number | null;
}

/** A batch: what POST, GET and the commit answer, and each item of the batches list. */
export class MemberBatchResponse implements MemberBatchView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: BATCH_STATUSES })
  status: BatchStatus;

  @ApiProperty({ enum: ['emails', 'csv'] })
  source: 'emails' | 'csv';

  @ApiProperty({ type: String, nullable: true, description: 'The uploaded file’s name (CSV batches)' })
  fileName: string | null;

  @ApiProperty({ type: [String], description: 'Columns of the file the import does not use' })
  ignoredColumns: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The file’s column the addresses were taken from, as its header names it (a mail column before a proxy-address list, before a sign-in name); null for typed addresses or a file without a header row',
    example: 'Proxy addresses',
  })
  emailColumn: string | null;

  @ApiProperty({ type: BatchCountsResponse })
  counts: BatchCounts;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true })
  failureReason: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A failed batch whose file the import workers found unreadable or past a limit: the same code an upload refused at once answers (`cell_too_large`, `too_many_columns`, `unreadable_file` …)',
  })
  failureCode: string | null;

  @ApiProperty({ type: BatchProgressResponse, nullable: true, description: 'While workers validate or commit' })
  progress: BatchProgress | null;

  @ApiPropertyOptional({ type: [BatchRowResponse], description: 'The rows, inline, when a batch of typed addresses was created ready (up to 500)' })
  rows?: BatchRowResponse[];
}
