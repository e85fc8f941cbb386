import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key';

interface WriteError {
  index: number;
  code?: number;
  err?: { code?: number };
}

/** Inserts unordered; answers, for each document, whether it went in (false: a unique index refused it). */
export async function insertedEach<T extends Document>(collection: Collection<T>, documents: OptionalUnlessRequiredId<T>[]): Promise<boolean[]> {
  const refused = new Set(await insertManyRefused(collection, documents));
  return documents.map((_, index) => !refused.has(index));
}

/**
 * Inserts unordered and answers the positions a unique index refused; any other error is thrown.
 * Every document is attempted, so one conflict never hides the others.
 */
export async function insertManyRefused<T extends Document>(collection: Collection<T>, documents: OptionalUnlessRequiredId<T>[]): Promise<number[]> {
  if (documents.length === 0) return [];
  try {
    await collection.insertMany(documents, { ordered: false });
    return [];
  } catch (error) {
    const writeErrors = [(error as { writeErrors?: WriteError | WriteError[] }).writeErrors ?? []].flat();
    if (writeErrors.length === 0) {
      if (documents.length === 1 && isDuplicateKeyError(error)) return [0];
      throw error;
    }
    if (writeErrors.some((writeError) => (writeError.code ?? writeError.err?.code) !== 11000)) throw error;
    return writeErrors.map((writeError) => writeError.index);
  }
}
