import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import { type BatchRow, rowToCommit, type RowToCommit } from '../batch-row';
import { ChunkSnapshot } from './chunk-snapshot.schema';
import { chunkId } from '../batch-row';

const SNAPSHOTS_PER_READ = 4;

@Injectable()
export class ChunkSnapshotsRepository {
  constructor(@InjectModel(ChunkSnapshot.name) private readonly snapshots: Model<ChunkSnapshot>) {}

  /** Snapshots of freshly written rows, grouped by chunk; an existing snapshot is kept. */
  async save(batchId: string, rows: BatchRow[]): Promise<void> {
    const byChunk = new Map<number, RowToCommit[]>();
    for (const row of rows) {
      const chunkRows = byChunk.get(row.chunk) ?? [];
      if (row.status === 'valid') chunkRows.push(rowToCommit(row));
      byChunk.set(row.chunk, chunkRows);
    }
    for (const [chunk, chunkRows] of byChunk) {
      await insertedOnce(this.snapshots.create({ _id: chunkId(batchId, chunk), batchId, chunk, rows: JSON.stringify(chunkRows) }));
    }
  }

  /** Every snapshot of a batch in one pass, a few at a time (each holds a whole chunk). */
  async *streamBatch(batchId: string): AsyncGenerator<{ chunk: number; rows: RowToCommit[] }> {
    for await (const snapshot of this.snapshots.find({ batchId }).batchSize(SNAPSHOTS_PER_READ).lean<ChunkSnapshot[]>().cursor()) {
      yield { chunk: snapshot.chunk, rows: JSON.parse(snapshot.rows) as RowToCommit[] };
    }
  }

  async deleteBatch(batchId: string): Promise<void> {
    await this.snapshots.deleteMany({ batchId });
  }

  async discard(batchId: string, chunk: number): Promise<void> {
    await this.snapshots.deleteOne({ _id: chunkId(batchId, chunk) });
  }
}
