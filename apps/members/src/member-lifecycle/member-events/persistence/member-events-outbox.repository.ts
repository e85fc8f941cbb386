import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, insertedOnce } from '@app/persistence';
import type { MemberEventEntry } from '../member-event-entry';
import { MemberEventOutboxEntry } from './member-event-outbox.schema';

@Injectable()
export class MemberEventsOutboxRepository {
  constructor(@InjectModel(MemberEventOutboxEntry.name) private readonly entries: Model<MemberEventOutboxEntry>) {}

  private get collection(): Collection<MemberEventEntry> {
    return driverCollection(this.entries);
  }

  /** The same event written again (a deletion asked again) keeps the first entry. */
  async add(entry: MemberEventEntry): Promise<void> {
    await insertedOnce(this.collection.insertOne(entry));
  }

  /** No filter and no sort, so FerretDB can stop at the limit: only unsent events live here. */
  pending(limit: number): Promise<MemberEventEntry[]> {
    return this.collection.find().limit(limit).toArray();
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 1) await this.collection.deleteOne({ _id: ids[0] });
    else if (ids.length > 1) await this.collection.deleteMany({ _id: { $in: ids } });
  }
}
