import type { AccountType } from '@app/contracts';

/** How long a deleted account's name stays held, so that no one else takes it in the meantime. */
export const DELETED_NAME_HOLD_DAYS = 90;

/**
 * What remains of a deleted account: a tombstone naming it by id and account name only (its
 * address, names and password are gone with the account document). It keeps a redone commit
 * from creating the account again, tells the members list how many members each chunk lost,
 * and answers 409 `member_deleted` to anything asked of the member afterwards.
 */
export interface DeletedAccount {
  /** The member id. */
  _id: string;
  organizationId: string;
  type: AccountType;
  accountName: string;
  batchId: string | null;
  chunk: number | null;
  createdAt: Date;
  deletedAt: Date;
  /** The admin who deleted it. */
  deletedBy: string;
  nameHeldUntil: Date;
}
