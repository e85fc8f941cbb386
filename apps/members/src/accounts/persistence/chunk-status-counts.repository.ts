import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import type { AccountStatus } from '@app/contracts';
import { driverCollection, insertManyRefused, isDuplicateKeyError } from '@app/persistence';
import { type BatchChunk, chunkKey } from '../batch-chunk';
import { ChunkStatusCountsDocument, ChunkToRecountDocument } from './chunk-status-counts.schema';

export type StatusCounts = Partial<Record<AccountStatus, number>>;

/** A chunk of an organization's batch. */
export type OrganizationChunk = BatchChunk & { organizationId: string };

/** What is known of an organization's chunks: their last counts, and the marks of those to count again, by chunkKey. */
export interface KnownChunkCounts {
  counted: Map<string, StatusCounts>;
  marks: Map<string, string>;
}

/**
 * Per-chunk status counts and the marks of chunks to count again (see the schemas). On FerretDB
 * an update is not atomic, so a mark is never incremented or edited in place: each status change
 * sets a fresh mark, and a recount deletes only the mark it read.
 */
@Injectable()
export class ChunkStatusCountsRepository {
  constructor(
    @InjectModel(ChunkStatusCountsDocument.name) private readonly countsModel: Model<ChunkStatusCountsDocument>,
    @InjectModel(ChunkToRecountDocument.name) private readonly marksModel: Model<ChunkToRecountDocument>,
  ) {}

  private get counts(): Collection<ChunkStatusCountsDocument> {
    return driverCollection(this.countsModel);
  }

  private get marks(): Collection<ChunkToRecountDocument> {
    return driverCollection(this.marksModel);
  }

  /** A member of the chunk changed status: it is counted again before its counts are used. */
  async markToRecount({ organizationId, batchId, chunk }: OrganizationChunk): Promise<void> {
    await upsertById(this.marks, chunkKey(batchId, chunk), { organizationId, mark: randomUUID() });
  }

  /** Marks chunks whose members changed without marks (those of before 0.7); those already marked stay as they are. */
  async markAllToRecount(chunks: OrganizationChunk[]): Promise<void> {
    if (chunks.length === 0) return;
    await insertManyRefused(
      this.marks,
      chunks.map(({ organizationId, batchId, chunk }) => ({ _id: chunkKey(batchId, chunk), organizationId, mark: randomUUID() })),
    );
  }

  /** One read of each collection by organization: a document per chunk at most. */
  async ofOrganization(organizationId: string): Promise<KnownChunkCounts> {
    const [counted, marks] = await Promise.all([this.counts.find({ organizationId }).toArray(), this.marks.find({ organizationId }).toArray()]);
    return { counted: new Map(counted.map((tally) => [tally._id, tally.counts])), marks: new Map(marks.map((mark) => [mark._id, mark.mark])) };
  }

  /** The chunk's counts as read from its accounts, then its mark removed if it is still `mark` (null: it had none). */
  async saveCounts({ organizationId, batchId, chunk }: OrganizationChunk, counts: StatusCounts, mark: string | null): Promise<void> {
    const key = chunkKey(batchId, chunk);
    await upsertById(this.counts, key, { organizationId, counts });
    if (mark !== null) await this.marks.deleteOne({ _id: key, mark });
  }
}

/** Sets a document's fields, inserting it if missing; of two first writes at once, the loser's unique-key error becomes an update. */
async function upsertById<T extends { _id: string }>(collection: Collection<T>, _id: string, fields: Omit<T, '_id'>): Promise<void> {
  const write = (upsert: boolean) => collection.updateOne({ _id } as never, { $set: fields } as never, { upsert });
  try {
    await write(true);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await write(false);
  }
}
