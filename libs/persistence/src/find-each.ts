import type { Collection, Document, Filter, FindOptions, WithId } from 'mongodb';

/** Look-ups in flight at once. */
const IN_FLIGHT = 8;

/**
 * The documents whose `field` equals one of `values`, found one equality at a time, a few at once.
 * FerretDB runs an equality in its backend but applies `$in` itself, after reading the whole
 * collection; MongoDB serves either from an index. For the few values of a collision, not for
 * reading many documents.
 */
export async function findEach<T extends Document>(collection: Collection<T>, field: string, values: unknown[], options?: FindOptions): Promise<WithId<T>[]> {
  const found: WithId<T>[] = [];
  const distinct = [...new Set(values)];
  for (let index = 0; index < distinct.length; index += IN_FLIGHT) {
    const documents = await Promise.all(distinct.slice(index, index + IN_FLIGHT).map((value) => collection.findOne<WithId<T>>({ [field]: value } as Filter<T>, options ?? {})));
    for (const document of documents) if (document) found.push(document);
  }
  return found;
}
