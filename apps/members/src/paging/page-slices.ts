/** A run of items a page reads together: a batch's members, a chunk's members or rows. */
export interface CountedRun<T> {
  run: T;
  /** How many items it holds. */
  size: number;
}

/** The items of one run that a page shows: `take` of them, after skipping the first `skip`. */
interface RunSlice<T> {
  run: T;
  skip: number;
  take: number;
}

/**
 * Which runs, in list order, hold the items from `offset` to `offset + limit`, and which of them:
 * a list is read one run at a time instead of sorting and counting every item.
 */
export function sliceRuns<T>(runs: CountedRun<T>[], offset: number, limit: number): RunSlice<T>[] {
  const slices: RunSlice<T>[] = [];
  let start = 0;
  let wanted = limit;
  for (const { run, size } of runs) {
    if (wanted === 0) break;
    const end = start + size;
    if (end > offset) {
      const skip = Math.max(0, offset - start);
      const take = Math.min(size - skip, wanted);
      if (take > 0) slices.push({ run, skip, take });
      wanted -= take;
    }
    start = end;
  }
  return slices;
}
