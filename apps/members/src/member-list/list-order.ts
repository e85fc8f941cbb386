import type { Account } from '../accounts/account';

/**
 * The members list's order: personal members that joined first, the newest first; then business
 * members in the order their batches were committed, chunk by chunk, by id within a chunk (the
 * order the plain list reads them in). `batchIds`: the organization's committed batches, in order.
 */
export function listOrder(batchIds: string[]): (a: Account, b: Account) => number {
  const rank = new Map(batchIds.map((id, index) => [id, index]));
  const place = (account: Account): [number, number, number] =>
    account.type === 'personal'
      ? [0, -(account.joinedAt?.getTime() ?? Number.NEGATIVE_INFINITY), 0]
      : [1, rank.get(account.batchId ?? '') ?? Number.POSITIVE_INFINITY, account.chunk ?? Number.POSITIVE_INFINITY];
  return (a, b) => {
    const [pa, pb] = [place(a), place(b)];
    for (let index = 0; index < pa.length; index += 1) if (pa[index] !== pb[index]) return pa[index] < pb[index] ? -1 : 1;
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  };
}
