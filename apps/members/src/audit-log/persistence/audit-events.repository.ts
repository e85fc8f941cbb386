import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import type { Page } from '@app/contracts';
import { driverCollection, insertedOnce } from '@app/persistence';
import type { AuditEventsFilter } from '../audit-filter';
import type { AuditRecord } from '../audit-record';
import { AuditEventDocument } from './audit-event.schema';

/** The audit log's store: insert-only, read by page; only the retention sweep deletes. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectModel(AuditEventDocument.name) private readonly events: Model<AuditEventDocument>) {}

  private get collection(): Collection<AuditRecord> {
    return driverCollection(this.events) as unknown as Collection<AuditRecord>;
  }

  /** False when an event with this id is recorded already (a message delivered again). */
  insertOnce(record: AuditRecord): Promise<boolean> {
    return insertedOnce(this.collection.insertOne(record));
  }

  /** Newest first; `_id` orders events of the same millisecond. */
  async page(filter: AuditEventsFilter, page: number, limit: number): Promise<Page<AuditRecord>> {
    const [items, total] = await Promise.all([
      this.collection
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items, page, limit, total };
  }

  /** Deletes at most `max` events from before `cutoff`; answers how many went. */
  async deleteBefore(cutoff: Date, max: number): Promise<number> {
    const expired = await this.collection.find({ at: { $lt: cutoff } }, { projection: { _id: 1 } }).limit(max).toArray();
    if (expired.length === 0) return 0;
    const { deletedCount } = await this.collection.deleteMany({ _id: { $in: expired.map((event) => event._id) } });
    return deletedCount;
  }
}
