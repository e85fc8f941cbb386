import type { Account } from '../accounts/account';
import { listOrder } from './list-order';

const account = (_id: string, fields: Partial<Account>): Account => ({ _id, type: 'business', batchId: null, chunk: null, joinedAt: null, ...fields }) as Account;

describe('listOrder', () => {
  it('puts personal members first, newest first, then batches in commit order, chunk by chunk, by id', () => {
    const members = [
      account('b', { batchId: 'second', chunk: 0 }),
      account('z', { batchId: 'first', chunk: 1 }),
      account('p-old', { type: 'personal', joinedAt: new Date('2026-01-01') }),
      account('a', { batchId: 'first', chunk: 1 }),
      account('y', { batchId: 'first', chunk: 0 }),
      account('legacy', { type: undefined, batchId: 'unknown', chunk: 0 }),
      account('p-new', { type: 'personal', joinedAt: new Date('2026-06-01') }),
      account('p-none', { type: 'personal', joinedAt: null }),
    ];
    expect(members.sort(listOrder(['first', 'second'])).map((member) => member._id)).toEqual(['p-new', 'p-old', 'p-none', 'y', 'a', 'z', 'b', 'legacy']);
  });
});
