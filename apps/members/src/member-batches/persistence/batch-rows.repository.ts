import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import type { Model } from 'mongoose';
import type { BatchCounts, Page } from '@app/contracts';
import { driverCollection, insertManyRefused } from '@app/persistence';
import type { BatchRow, ReviewedStatus } from '../batch-row';
import { BatchRowDocument } from './batch-row.schema';

const INSERT_CHUNK = 500;

type BatchRowDetails = Omit<BatchRow, '_id' | 'batchId' | 'organizationId' | 'line' | 'chunk' | 'status'>;

function toDocument(row: BatchRow): BatchRowDocument {
  const { _id, batchId, organizationId, line, chunk, status, ...details } = row;
  return { _id, batchId, organizationId, line, chunk, status, details: JSON.stringify(details) };
}

function toRow(document: BatchRowDocument): BatchRow {
  const { details, ...fields } = document;
  return { ...fields, ...(JSON.parse(details) as BatchRowDetails) };
}

@Injectable()
export class BatchRowsRepository {
  constructor(@InjectModel(BatchRowDocument.name) private readonly rows: Model<BatchRowDocument>) {}

  private get collection(): Collection<BatchRowDocument> {
    return driverCollection(this.rows);
  }

  /** Rows are validated by the caller; the driver writes them in unordered chunks. */
  async insertMany(rows: BatchRow[]): Promise<void> {
    for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
      await this.collection.insertMany(rows.slice(index, index + INSERT_CHUNK).map(toDocument), { ordered: false });
    }
  }

  /** Writes one chunk's rows unless written before; answers them as stored (the first write stands). */
  async insertChunkIfAbsent(rows: BatchRow[]): Promise<BatchRow[]> {
    const refused = await insertManyRefused(this.collection, rows.map(toDocument));
    return refused.length === 0 ? rows : this.findChunk(rows[0].batchId, rows[0].chunk);
  }

  async findInBatch(batchId: string, rowId: string): Promise<BatchRow | null> {
    const document = await this.collection.findOne({ _id: rowId, batchId });
    return document && toRow(document);
  }

  /** Every row's id and chunk, streamed: for filling in the chunk of accounts created before accounts kept it. */
  async *streamChunks(batchId: string): AsyncGenerator<{ _id: string; chunk: number }> {
    yield* this.collection.find({ batchId }, { projection: { chunk: 1 } }).batchSize(5_000);
  }

  async findChunk(batchId: string, chunk: number): Promise<BatchRow[]> {
    return (await this.collection.find({ batchId, chunk }).sort({ line: 1 }).toArray()).map(toRow);
  }

  /** `exceptChunks`: chunks whose rows are left out (committed ones, whose valid rows are valid no more). */
  async page(batchId: string, status: ReviewedStatus | undefined, page: number, limit: number, exceptChunks: number[] = []): Promise<Page<BatchRow>> {
    const filter: Filter<BatchRowDocument> = { batchId, ...(status ? { status } : {}), ...(exceptChunks.length > 0 ? { chunk: { $nin: exceptChunks } } : {}) };
    const [documents, total] = await Promise.all([
      this.collection
        .find(filter)
        .sort({ line: 1, _id: 1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: documents.map(toRow), page, limit, total };
  }

  /** Rows of one status after a line, in line order: for streaming exports page by page. */
  async afterLine(batchId: string, status: ReviewedStatus, afterLine: number, limit: number): Promise<BatchRow[]> {
    return (await this.collection.find({ batchId, status, line: { $gt: afterLine } }).sort({ line: 1 }).limit(limit).toArray()).map(toRow);
  }

  async countByStatus(batchId: string): Promise<BatchCounts> {
    const groups = await this.collection
      .aggregate<{ _id: ReviewedStatus; count: number }>([{ $match: { batchId } }, { $group: { _id: '$status', count: { $sum: 1 } } }])
      .toArray();
    const counts: BatchCounts = { total: 0, valid: 0, invalid: 0, created: 0, invited: 0, failed: 0 };
    for (const group of groups) {
      counts[group._id] = group.count;
      counts.total += group.count;
    }
    return counts;
  }

  /** The row of a deleted member keeps its account name and outcome, and loses the address, names, password hash, the suggestions made from them and the file's cells. */
  async erasePersonalData(batchId: string, rowId: string): Promise<void> {
    const row = await this.findInBatch(batchId, rowId);
    if (row) await this.update({ ...row, email: '', emailNormalized: '', userName: null, firstName: null, lastName: null, passwordHash: null, suggestions: [], cells: [] });
  }

  /** Writes a review edit: the row as it now is. */
  async update(row: BatchRow): Promise<void> {
    const { status, details } = toDocument(row);
    await this.collection.updateOne({ _id: row._id }, { $set: { status, details } });
  }
}
