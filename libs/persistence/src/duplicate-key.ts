/**
 * A unique index refused the write. FerretDB does not say which index collided, so callers
 * look the conflicting document up instead of parsing the error.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Awaits an insert: false when a unique index refused it (written before, or claimed by another). */
export async function insertedOnce(insert: Promise<unknown>): Promise<boolean> {
  try {
    await insert;
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
