import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, findEach, insertedOnce } from '@app/persistence';
import { chunkKey } from '../batch-chunk';
import type { DeletedAccount } from '../deleted-account';
import { DeletedAccountDocument } from './deleted-account.schema';

/** Tombstones of deleted accounts: one insert per deletion, read by `_id`, and by organization for the members list. */
@Injectable()
export class DeletedAccountsRepository {
  constructor(@InjectModel(DeletedAccountDocument.name) private readonly deleted: Model<DeletedAccountDocument>) {}

  private get collection(): Collection<DeletedAccount> {
    return driverCollection(this.deleted);
  }

  /** False when the member's tombstone was written before (a deletion interrupted and asked again). */
  insert(tombstone: DeletedAccount): Promise<boolean> {
    return insertedOnce(this.collection.insertOne(tombstone));
  }

  findById(id: string): Promise<DeletedAccount | null> {
    return this.collection.findOne({ _id: id });
  }

  /** The ids among these that were deleted; read only when a commit job is redone. */
  async deletedAmong(ids: string[]): Promise<Set<string>> {
    return new Set((await findEach(this.collection, '_id', ids, { projection: { _id: 1 } })).map((tombstone) => tombstone._id));
  }

  /** How many members each chunk of each batch lost, keyed `<batchId>:<chunk>`: one read of the organization's tombstones. */
  async countsByChunk(organizationId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { batchId, chunk } of await this.collection.find({ organizationId }, { projection: { _id: 0, batchId: 1, chunk: 1 } }).toArray()) {
      if (batchId === null || chunk === null) continue;
      const key = chunkKey(batchId, chunk);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}
