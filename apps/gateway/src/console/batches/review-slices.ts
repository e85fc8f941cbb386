import type { RowStatus } from '@app/contracts';

/** One read of the rows API and which of its rows the page shows. */
export interface RowsRead {
  status: RowStatus;
  page: number;
  limit: number;
  skip: number;
  take: number;
}

/**
 * The reads behind one page of "all rows, problems first": rows with problems (`invalid`) fill
 * the first pages, ready ones (`valid`) follow. The rows API pages each status on its own, so a
 * page that straddles the two, or starts inside a page of ready rows, takes parts of two pages.
 */
export function problemsFirstReads(invalidTotal: number, page: number, limit: number): RowsRead[] {
  const start = (page - 1) * limit;
  const reads: RowsRead[] = [];
  let wanted = limit;
  if (start < invalidTotal) {
    const take = Math.min(limit, invalidTotal - start);
    reads.push({ status: 'invalid', page, limit, skip: 0, take });
    wanted -= take;
  }
  if (wanted === 0) return reads;
  const validStart = Math.max(0, start - invalidTotal);
  const firstPage = Math.floor(validStart / limit) + 1;
  const skip = validStart % limit;
  reads.push({ status: 'valid', page: firstPage, limit, skip, take: Math.min(wanted, limit - skip) });
  const rest = wanted - (limit - skip);
  if (rest > 0) reads.push({ status: 'valid', page: firstPage + 1, limit, skip: 0, take: rest });
  return reads;
}
