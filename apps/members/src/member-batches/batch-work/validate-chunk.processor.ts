import { Injectable } from '@nestjs/common';
import { BatchNameClaimsRepository } from '../persistence/batch-name-claims.repository';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import type { MemberBatch } from '../persistence/member-batch.schema';
import { BatchRowsValidator } from '../row-validation/batch-rows.validator';

/** Checks one chunk of a file's rows against the database; rows already checked are left alone. */
@Injectable()
export class ValidateChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly claims: BatchNameClaimsRepository,
    private readonly validator: BatchRowsValidator,
  ) {}

  async process(batch: MemberBatch, chunk: number): Promise<number> {
    const rows = await this.rows.findChunk(batch._id, chunk);
    const pending = rows.filter((row) => row.status === 'pending');
    await this.validator.checkRows(batch.organizationId, pending, this.claims.forBatch(batch._id));
    await this.rows.updateMany(
      pending.map((row) => ({
        rowId: row._id,
        changes: {
          status: row.status,
          problems: row.problems,
          accountName: row.accountName,
          accountNameChosen: row.accountNameChosen,
          suggestions: row.suggestions,
        },
      })),
    );
    return rows.length;
  }
}
