import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import type { BatchCounts, Page, RowStatus } from '@app/contracts';
import { insertManyRefused } from '@app/persistence';
import { BatchRow } from './batch-row.schema';

const INSERT_CHUNK = 500;

export type BatchRowChanges = Partial<Omit<BatchRow, '_id' | 'batchId' | 'organizationId'>>;

@Injectable()
export class BatchRowsRepository {
  constructor(@InjectModel(BatchRow.name) private readonly rows: Model<BatchRow>) {}

  private get collection(): Collection<BatchRow> {
    return this.rows.collection as unknown as Collection<BatchRow>;
  }

  /** Rows are validated by the caller; the driver writes them in unordered chunks. */
  async insertMany(rows: BatchRow[]): Promise<void> {
    for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
      await this.collection.insertMany(rows.slice(index, index + INSERT_CHUNK), { ordered: false });
    }
  }

  /** The same, where rows may already be there from an interrupted earlier read. */
  /** Writes one chunk's rows unless written before; answers them as stored (the first write stands). */
  async insertChunkIfAbsent(rows: BatchRow[]): Promise<BatchRow[]> {
    const refused = await insertManyRefused(this.collection, rows);
    return refused.length === 0 ? rows : this.findChunk(rows[0].batchId, rows[0].chunk);
  }

  findInBatch(batchId: string, rowId: string): Promise<BatchRow | null> {
    return this.rows.findOne({ _id: rowId, batchId }).lean();
  }

  findChunk(batchId: string, chunk: number): Promise<BatchRow[]> {
    return this.rows.find({ batchId, chunk }).sort({ line: 1 }).lean();
  }

  /** `exceptChunks`: chunks whose rows are left out (committed ones, whose valid rows are valid no more). */
  async page(batchId: string, status: RowStatus | undefined, page: number, limit: number, exceptChunks: number[] = []): Promise<Page<BatchRow>> {
    const filter = { batchId, ...(status ? { status } : {}), ...(exceptChunks.length > 0 ? { chunk: { $nin: exceptChunks } } : {}) };
    const [items, total] = await Promise.all([
      this.rows
        .find(filter)
        .sort({ line: 1, _id: 1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean(),
      this.rows.countDocuments(filter),
    ]);
    return { items, page, limit, total };
  }

  /** Rows of one status after a line, in line order: for streaming exports page by page. */
  afterLine(batchId: string, status: RowStatus, afterLine: number, limit: number): Promise<BatchRow[]> {
    return this.rows
      .find({ batchId, status, line: { $gt: afterLine } })
      .sort({ line: 1 })
      .limit(limit)
      .lean();
  }

  async countByStatus(batchId: string): Promise<BatchCounts> {
    const groups = await this.collection
      .aggregate<{ _id: RowStatus; count: number }>([{ $match: { batchId } }, { $group: { _id: '$status', count: { $sum: 1 } } }])
      .toArray();
    const counts: BatchCounts = { total: 0, valid: 0, invalid: 0, created: 0, failed: 0 };
    for (const group of groups) {
      counts[group._id] = group.count;
      counts.total += group.count;
    }
    return counts;
  }

  async update(rowId: string, changes: BatchRowChanges): Promise<void> {
    await this.collection.updateOne({ _id: rowId }, { $set: changes });
  }
}
