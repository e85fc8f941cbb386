import type { AnyBulkWriteOperation, Collection, Document, Filter, UpdateFilter } from 'mongodb';

/**
 * FerretDB 1.24 never answers an update command carrying 100 or more statements (seen here: 99
 * answer in 0.3 s, 100 hang), so updates go out in bulk writes of this many at most.
 */
const STATEMENTS_PER_WRITE = 50;

interface UpdateById<T> {
  id: string;
  update: UpdateFilter<T>;
}

/** `$set`-style updates of many documents by id, in portable, bounded bulk writes. */
export async function updateManyById<T extends Document & { _id: string }>(collection: Collection<T>, updates: UpdateById<T>[]): Promise<void> {
  for (let index = 0; index < updates.length; index += STATEMENTS_PER_WRITE) {
    const operations = updates.slice(index, index + STATEMENTS_PER_WRITE).map(
      ({ id, update }): AnyBulkWriteOperation<T> => ({ updateOne: { filter: { _id: id } as Filter<T>, update } }),
    );
    await collection.bulkWrite(operations, { ordered: false });
  }
}
