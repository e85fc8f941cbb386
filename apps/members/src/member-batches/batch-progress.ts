import { Injectable } from '@nestjs/common';
import type { BatchProgress } from '@app/contracts';
import { ChunkReportsRepository } from './persistence/chunk-reports.repository';
import type { MemberBatch } from './member-batch';

function progress(phase: BatchProgress['phase'], processed: number, total: number, startedAt: Date): BatchProgress {
  const elapsedSeconds = Math.max(0.001, (Date.now() - startedAt.getTime()) / 1000);
  const rowsPerSecond = Math.round((processed / elapsedSeconds) * 10) / 10;
  const remaining = Math.max(0, total - processed);
  return { phase, processed, total, rowsPerSecond, etaSeconds: rowsPerSecond > 0 ? Math.ceil(remaining / rowsPerSecond) : null };
}

/** How far a batch's workers are, from the chunks they have finished (and, while a file is read, its rows). */
@Injectable()
export class BatchProgressReader {
  constructor(private readonly reports: ChunkReportsRepository) {}

  async read(batch: MemberBatch): Promise<BatchProgress | null> {
    if (batch.status === 'committing' && batch.commitStartedAt) {
      const rows = await this.reports.rowsDone(batch._id, 'commit');
      return progress('committing', Math.min(rows, batch.counts.valid), batch.counts.valid, batch.commitStartedAt);
    }
    if (batch.status === 'validating' && batch.validationStartedAt) {
      // Until the whole file is read, the total is the rows read so far.
      const total = batch.counts.total || batch.parsedRows;
      const rows = await this.reports.rowsDone(batch._id, 'validate');
      return progress('validating', Math.min(rows, total), total, batch.validationStartedAt);
    }
    return null;
  }
}
