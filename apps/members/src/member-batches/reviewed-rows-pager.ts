import { Injectable } from '@nestjs/common';
import type { Page } from '@app/contracts';
import { type CountedRun, sliceRuns } from '../paging/page-slices';
import type { BatchRow, ReviewedStatus } from './batch-row';
import type { ValidatedChunk } from './chunk-report';
import type { MemberBatch } from './member-batch';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { ChunkReportsRepository } from './persistence/chunk-reports.repository';

/** Past this many chunks, reading them costs more than letting the database filter the status. */
const MOST_CHUNKS_PER_PAGE = 4;

/**
 * How many rows of the status each chunk holds: its validation report, moved by the admin's edits
 * since. `status` undefined counts every row.
 */
export function reviewedRuns(
  chunks: (ValidatedChunk & { chunk: number })[],
  validShiftByChunk: Record<string, number>,
  status: ReviewedStatus | undefined,
): CountedRun<number>[] {
  return chunks.map(({ chunk, rows, valid }) => {
    const validNow = valid + (validShiftByChunk[String(chunk)] ?? 0);
    return { run: chunk, size: status === 'valid' ? validNow : status === 'invalid' ? rows - validNow : rows };
  });
}

/**
 * A page of a reviewed batch's rows read chunk by chunk. On FerretDB a sort with a skip reads
 * every row of the status and sorts them in FerretDB itself (page 100 of a 10,000-row batch took
 * seconds); the chunks' tallies say which one or two chunks hold the page, read by equality.
 */
@Injectable()
export class ReviewedRowsPager {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly reports: ChunkReportsRepository,
  ) {}

  /** Null when the tallies cannot serve the page (a typed batch, a sparse status) or disagree with the rows: the caller queries instead. */
  async page(batch: MemberBatch, status: ReviewedStatus | undefined, page: number, limit: number): Promise<Page<BatchRow> | null> {
    if (batch.status !== 'ready' || batch.chunkCount === 0) return null;
    const chunks = await this.reports.validatedChunks(batch._id);
    if (chunks.length !== batch.chunkCount) return null;
    // Batches validated before the shift was kept have none: a mismatch below sends them to the query.
    const runs = reviewedRuns(chunks, batch.validShiftByChunk ?? {}, status);
    const slices = sliceRuns(runs, (page - 1) * limit, limit);
    if (slices.length > MOST_CHUNKS_PER_PAGE) return null;
    const sizes = new Map(runs.map(({ run, size }) => [run, size]));
    const chunkRows = await Promise.all(slices.map((slice) => this.rows.findChunk(batch._id, slice.run)));
    const items: BatchRow[] = [];
    for (const [index, slice] of slices.entries()) {
      const matching = status ? chunkRows[index].filter((row) => row.status === status) : chunkRows[index];
      if (matching.length !== sizes.get(slice.run)) return null;
      items.push(...matching.slice(slice.skip, slice.skip + slice.take));
    }
    return { items, page, limit, total: runs.reduce((sum, run) => sum + run.size, 0) };
  }
}
