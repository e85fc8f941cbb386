import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { driverCollection } from '@app/persistence';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import type { BatchCompletedEvent, BatchStatus, Page, RowStatus } from '@app/contracts';
import { updateManyById } from '../../persistence/bulk-update';
import type { MemberBatch } from '../member-batch';
import { MemberBatchDocument } from './member-batch.schema';

/** What the members list needs of a batch that created members. */
export type CommittedBatch = Pick<MemberBatch, '_id' | 'status' | 'counts' | 'chunkCount'>;

@Injectable()
export class MemberBatchesRepository {
  constructor(@InjectModel(MemberBatchDocument.name) private readonly batches: Model<MemberBatchDocument>) {}

  private get collection(): Collection<MemberBatch> {
    return driverCollection(this.batches);
  }

  async insert(batch: MemberBatch): Promise<void> {
    await this.collection.insertOne(batch);
  }

  findById(id: string): Promise<MemberBatch | null> {
    return this.batches.findById(id).lean();
  }

  /** The batches among these whose accounts are being created. */
  async committingAmong(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const committing = await this.batches.find({ _id: { $in: [...new Set(ids)] }, status: 'committing' }, { _id: 1 }).lean();
    return new Set(committing.map((batch) => batch._id));
  }

  /** The organization's batches whose commit has started, in the order it started: those that created its members. */
  async committedIn(organizationId: string): Promise<CommittedBatch[]> {
    const batches = await this.collection
      .find({ organizationId }, { projection: { status: 1, counts: 1, chunkCount: 1, commitStartedAt: 1 } })
      .toArray();
    return batches
      .filter((batch) => batch.commitStartedAt !== null)
      .sort((a, b) => a.commitStartedAt!.getTime() - b.commitStartedAt!.getTime() || a._id.localeCompare(b._id));
  }

  /**
   * The organization's batches, newest first. FerretDB reads all of member_batches for it: one
   * document per batch, not per member, so that stays small.
   */
  async newestIn(organizationId: string, page: number, limit: number): Promise<Page<MemberBatch>> {
    const [items, total] = await Promise.all([
      this.collection
        .find({ organizationId })
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.collection.countDocuments({ organizationId }),
    ]);
    return { items, page, limit, total };
  }

  findInOrganization(organizationId: string, id: string): Promise<MemberBatch | null> {
    return this.batches.findOne({ _id: id, organizationId }).lean();
  }

  async update(id: string, changes: Partial<MemberBatch>): Promise<void> {
    await this.batches.updateOne({ _id: id }, { $set: changes });
  }

  async setStatus(id: string, status: BatchStatus, changes: Partial<MemberBatch> = {}): Promise<void> {
    await this.update(id, { ...changes, status });
  }

  /** One row went from one status to another. */
  /** A row of `chunk` went from one status to another under review: the batch's counts and the chunk's shift follow. */
  async moveCount(id: string, chunk: number, from: RowStatus, to: RowStatus): Promise<void> {
    const shift = (to === 'valid' ? 1 : 0) - (from === 'valid' ? 1 : 0);
    await this.batches.updateOne({ _id: id }, { $inc: { [`counts.${from}`]: -1, [`counts.${to}`]: 1, [`validShiftByChunk.${chunk}`]: shift } });
  }

  pendingEvents(limit: number): Promise<{ _id: string; pendingEvent: BatchCompletedEvent | null }[]> {
    return this.collection.find({ eventPending: true }, { projection: { pendingEvent: 1 } }).limit(limit).toArray();
  }

  async markEventsPublished(ids: string[]): Promise<void> {
    await updateManyById(this.collection, ids.map((id) => ({ id, update: { $set: { eventPending: false, pendingEvent: null } } })));
  }
}
