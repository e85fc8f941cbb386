import { Injectable } from '@nestjs/common';
import type { BatchProgress } from '@app/contracts';
import { BatchMilestonesRepository } from './persistence/batch-milestones.repository';
import type { MemberBatch } from './persistence/member-batch.schema';

/** How far a committing batch is, from the chunks its workers have finished. */
@Injectable()
export class BatchProgressReader {
  constructor(private readonly milestones: BatchMilestonesRepository) {}

  async read(batch: MemberBatch): Promise<BatchProgress | null> {
    if (batch.status !== 'committing' || !batch.commitStartedAt) return null;
    const { rows } = await this.milestones.progress(batch._id, 'commit');
    const processed = Math.min(rows, batch.counts.valid);
    const elapsedSeconds = Math.max(0.001, (Date.now() - batch.commitStartedAt.getTime()) / 1000);
    const rowsPerSecond = Math.round((processed / elapsedSeconds) * 10) / 10;
    const remaining = batch.counts.valid - processed;
    return {
      phase: 'committing',
      processed,
      total: batch.counts.valid,
      rowsPerSecond,
      etaSeconds: rowsPerSecond > 0 ? Math.ceil(remaining / rowsPerSecond) : null,
    };
  }
}
