import type { Collection, Document } from 'mongodb';
import type { Model } from 'mongoose';

/** The driver's collection behind a model, for bulk paths that validate their documents themselves. */
export function driverCollection<T extends Document>(model: Model<T>): Collection<T> {
  return model.collection as unknown as Collection<T>;
}
