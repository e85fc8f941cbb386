import { Injectable } from '@nestjs/common';
import { rowOfBatch, type RowToValidate } from '../batch-row';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import type { MemberBatch } from '../member-batch';
import { BatchRowsValidator } from '../row-validation/batch-rows.validator';
import type { ValidatedChunk } from '../chunk-report';

/**
 * Checks one chunk of a file's rows against the database and writes them, final, once. A chunk
 * checked again after a crash finds its rows already written and keeps those.
 */
@Injectable()
export class ValidateChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly validator: BatchRowsValidator,
    private readonly snapshots: ChunkSnapshotsRepository,
  ) {}

  async process(batch: MemberBatch, carried: RowToValidate[], redo: boolean): Promise<ValidatedChunk> {
    const rows = carried.map((row) => rowOfBatch(row, batch));
    await this.validator.checkRows(rows, this.validator.nameClaimsOf(batch._id, redo));
    const stored = await this.rows.insertChunkIfAbsent(rows);
    await this.snapshots.save(batch._id, stored);
    return { rows: stored.length, valid: stored.filter((row) => row.status === 'valid').length };
  }
}
