import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../persistence/duplicate-key';
import type { BatchRow } from './batch-row.schema';
import { ChunkSnapshot } from './chunk-snapshot.schema';

const snapshotId = (batchId: string, chunk: number) => `${batchId}:${chunk}`;

@Injectable()
export class ChunkSnapshotsRepository {
  constructor(@InjectModel(ChunkSnapshot.name) private readonly snapshots: Model<ChunkSnapshot>) {}

  /** Snapshots of freshly written rows, grouped by chunk; an existing snapshot is kept. */
  async save(batchId: string, rows: BatchRow[]): Promise<void> {
    const byChunk = new Map<number, BatchRow[]>();
    for (const row of rows) byChunk.set(row.chunk, [...(byChunk.get(row.chunk) ?? []), row]);
    for (const [chunk, chunkRows] of byChunk) {
      try {
        await this.snapshots.create({ _id: snapshotId(batchId, chunk), batchId, rows: chunkRows });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async find(batchId: string, chunk: number): Promise<BatchRow[] | null> {
    const snapshot = await this.snapshots.findById(snapshotId(batchId, chunk)).lean<ChunkSnapshot>();
    return snapshot?.rows ?? null;
  }

  async discard(batchId: string, chunk: number): Promise<void> {
    await this.snapshots.deleteOne({ _id: snapshotId(batchId, chunk) });
  }
}
