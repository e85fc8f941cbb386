/** A run of members the list reads together: a batch, or one chunk of a batch. */
export interface MemberRun<T> {
  run: T;
  /** How many members it holds. */
  members: number;
}

/** The members of one run that a page shows: `take` of them, after skipping the first `skip`. */
export interface RunSlice<T> {
  run: T;
  skip: number;
  take: number;
}

/**
 * Which runs, in list order, hold the members from `offset` to `offset + limit`, and which of
 * their members: the list is read one run at a time instead of sorting and counting every member.
 */
export function sliceRuns<T>(runs: MemberRun<T>[], offset: number, limit: number): RunSlice<T>[] {
  const slices: RunSlice<T>[] = [];
  let start = 0;
  let wanted = limit;
  for (const { run, members } of runs) {
    if (wanted === 0) break;
    const end = start + members;
    if (end > offset) {
      const skip = Math.max(0, offset - start);
      const take = Math.min(members - skip, wanted);
      if (take > 0) slices.push({ run, skip, take });
      wanted -= take;
    }
    start = end;
  }
  return slices;
}
