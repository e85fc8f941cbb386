import type { ChunkReportsRepository } from '../member-batches/persistence/chunk-reports.repository';
import type { CommittedBatch } from '../member-batches/persistence/member-batches.repository';
import type { CountedRun } from '../paging/page-slices';
import { type BatchChunk, chunkKey } from '../accounts/batch-chunk';

/** How many members each chunk of a batch created and still has, read once per batch and list call. */
export class ChunksOfBatches {
  private readonly read = new Map<string, Promise<CountedRun<BatchChunk>[]>>();

  /** `deletedByChunk`: members deleted since, keyed by chunkKey. */
  constructor(
    private readonly reports: ChunkReportsRepository,
    private readonly deletedByChunk: Map<string, number>,
  ) {}

  async created(batch: CommittedBatch): Promise<number> {
    // Reports are read only for a completed batch that lost members.
    if (batch.status === 'completed' && ![...this.deletedByChunk.keys()].some((key) => key.startsWith(`${batch._id}:`))) return batch.counts.created;
    return (await this.chunks(batch)).reduce((sum, chunk) => sum + chunk.size, 0);
  }

  chunks(batch: CommittedBatch): Promise<CountedRun<BatchChunk>[]> {
    // A completed batch of one chunk needs no report: its only chunk created all its members.
    if (batch.status === 'completed' && batch.chunkCount === 1) return Promise.resolve([{ run: { batchId: batch._id, chunk: 0 }, size: this.remaining(batch._id, 0, batch.counts.created) }]);
    let chunks = this.read.get(batch._id);
    if (!chunks) {
      chunks = this.reports
        .committedChunks(batch._id)
        .then((committed) => committed.map((report) => ({ run: { batchId: batch._id, chunk: report.chunk }, size: this.remaining(batch._id, report.chunk, report.created) })));
      this.read.set(batch._id, chunks);
    }
    return chunks;
  }

  private remaining(batchId: string, chunk: number, created: number): number {
    return Math.max(0, created - (this.deletedByChunk.get(chunkKey(batchId, chunk)) ?? 0));
  }
}
