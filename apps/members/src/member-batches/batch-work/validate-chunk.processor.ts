import { Injectable } from '@nestjs/common';
import { BatchNameClaimsRepository } from '../persistence/batch-name-claims.repository';
import type { BatchRow } from '../persistence/batch-row.schema';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import type { MemberBatch } from '../persistence/member-batch.schema';
import { BatchRowsValidator } from '../row-validation/batch-rows.validator';

/**
 * Checks one chunk of a file's rows against the database and writes them, final, once. A chunk
 * checked again after a crash finds its rows already written and keeps those.
 */
@Injectable()
export class ValidateChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly claims: BatchNameClaimsRepository,
    private readonly validator: BatchRowsValidator,
    private readonly snapshots: ChunkSnapshotsRepository,
  ) {}

  async process(batch: MemberBatch, rows: BatchRow[], redo: boolean): Promise<number> {
    await this.validator.checkRows(batch.organizationId, rows, this.claims.forBatch(batch._id, redo));
    await this.rows.insertManyIfAbsent(rows);
    // A redo may have computed rows other than those an earlier attempt wrote: no snapshot then.
    if (!redo) await this.snapshots.save(batch._id, rows);
    return rows.length;
  }
}
