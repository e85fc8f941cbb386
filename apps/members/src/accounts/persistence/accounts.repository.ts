import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import type { Model } from 'mongoose';
import type { AccountStatus, AccountType } from '@app/contracts';
import { driverCollection, findEach, insertManyRefused, isDuplicateKeyError } from '@app/persistence';
import type { Account, AccountActivation } from '../account';
import { chunkKey } from '../batch-chunk';
import type { AccountStatusChange } from '../account-history';
import { memberSearchKeys, nameSearchKeys } from '../member-search';
import { AccountDocument } from './account.schema';
import { ChunkStatusCountsRepository } from './chunk-status-counts.repository';

/** An account as stored: with the keys a search finds it by (see member-search.ts). */
type StoredAccount = Account & { searchKeys?: string[] };

function stored(account: Account): StoredAccount {
  return { ...account, searchKeys: memberSearchKeys(account) };
}

/** Business accounts before personal accounts existed have no type. */
function ofType(type: AccountType): Filter<StoredAccount>['type'] {
  return type === 'personal' ? 'personal' : { $ne: 'personal' };
}

/** The account that has an address: who it is, whose member, and what a verification mail says of it. */
export type ExistingEmail = Pick<Account, '_id' | 'type' | 'emailNormalized' | 'organizationId' | 'email' | 'accountName' | 'firstName' | 'locale' | 'activatedAt'>;

const SEARCH_KEY_UPDATES_PER_COMMAND = 20;

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectModel(AccountDocument.name) private readonly accounts: Model<AccountDocument>,
    private readonly statusCounts: ChunkStatusCountsRepository,
  ) {}

  /** The driver collection, for bulk paths that validate their documents themselves. */
  private get collection(): Collection<StoredAccount> {
    return driverCollection(this.accounts);
  }

  /** Inserts many; answers the ids refused by a unique index (already there, email or name taken). */
  async insertMany(accounts: Account[]): Promise<Set<string>> {
    const refused = await insertManyRefused(this.collection, accounts.map(stored));
    return new Set(refused.map((index) => accounts[index]._id));
  }

  async insertOne(account: Account): Promise<'inserted' | 'duplicate'> {
    try {
      await this.collection.insertOne(stored(account));
      return 'inserted';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  findById(id: string): Promise<Account | null> {
    return this.accounts.findById(id).lean();
  }

  /** `organizationId` null: a personal account, in no organization. */
  findInOrganization(organizationId: string | null, id: string): Promise<Account | null> {
    return this.accounts.findOne({ _id: id, organizationId }).lean();
  }

  findByEmail(emailNormalized: string): Promise<Account | null> {
    return this.accounts.findOne({ emailNormalized }).lean();
  }

  findByAccountName(accountName: string): Promise<Account | null> {
    return this.accounts.findOne({ accountName }).lean();
  }

  /**
   * The member's own password, names, status and session version in one write of one document, so
   * nothing shows `active` without its password and `activatedAt`. Only a pending account is
   * changed: applying the same activation again, or late, does nothing.
   */
  async activate(id: string, activation: AccountActivation): Promise<void> {
    // A suspended account stays so: its activation is finished by the next attempt once it is reactivated.
    // The new names' search keys join the others; those of earlier names may stay (a search checks the member itself).
    const changed = await this.collection.findOneAndUpdate(
      { _id: id, activatedAt: null, status: 'pending_activation' },
      { $set: { ...activation, status: 'active', mustChangePassword: false }, $addToSet: { searchKeys: { $each: nameSearchKeys(activation.firstName, activation.lastName) } } },
    );
    await this.statusChanged(changed);
  }

  /** An active member's new password, if the current one is still `currentHash`; their earlier sessions end with the version. */
  async changePassword(id: string, currentHash: string, passwordHash: string, sessionVersion: number): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, passwordHash: currentHash }, { $set: { passwordHash, sessionVersion } });
    return result.matchedCount === 1;
  }

  /**
   * An admin's suspension or reactivation: the status, the account's kept changes and a new session
   * version (its tokens end) in one write of one document, only if the status is still `from`.
   * False when it changed meanwhile.
   */
  async changeStatus(id: string, from: AccountStatus, to: AccountStatus, statusChanges: AccountStatusChange[], sessionVersion: number): Promise<boolean> {
    const changed = await this.collection.findOneAndUpdate({ _id: id, status: from }, { $set: { status: to, statusChanges, sessionVersion } });
    await this.statusChanged(changed);
    return changed !== null;
  }

  /**
   * A personal account in no organization joins one (its membership is already inserted); its
   * tokens end with the version, the gateway issuing one for the organization. False when it is
   * not in no organization any more.
   */
  async joinOrganization(id: string, organizationId: string, joinedAt: Date, sessionVersion: number): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, type: 'personal', organizationId: null }, { $set: { organizationId, joinedAt, sessionVersion } });
    return result.matchedCount === 1;
  }

  /** A personal member leaves (or is removed from) this organization; its tokens end with the version. False when it was not in it. */
  async leaveOrganization(id: string, organizationId: string, sessionVersion: number): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, type: 'personal', organizationId }, { $set: { organizationId: null, joinedAt: null, sessionVersion } });
    return result.matchedCount === 1;
  }

  /** The account document goes, with the member's address, names and password; true if this call removed it. */
  async remove(id: string): Promise<boolean> {
    const removed = await this.collection.findOneAndDelete({ _id: id });
    await this.statusChanged(removed);
    return removed !== null;
  }

  /**
   * Every change of a business member's status (or its removal) marks the chunk that created it,
   * after the account's write: see StatusCountsOfChunks. (The account comes back whole: FerretDB
   * refuses a projection in findAndModify.)
   */
  private async statusChanged(account: Pick<Account, 'organizationId' | 'batchId' | 'chunk'> | null): Promise<void> {
    if (account?.organizationId && account.batchId && typeof account.chunk === 'number') {
      await this.statusCounts.markToRecount({ organizationId: account.organizationId, batchId: account.batchId, chunk: account.chunk });
    }
  }

  /** Accounts that show `active` without `activatedAt` (an admin-set password, before 0.4) go back to pending; answers how many. */
  async markUnactivatedPending(): Promise<number> {
    const filter: Filter<StoredAccount> = { status: 'active', activatedAt: null };
    const changing = await this.collection.find(filter, { projection: { _id: 0, organizationId: 1, batchId: 1, chunk: 1 } }).toArray();
    const result = await this.collection.updateMany(filter, { $set: { status: 'pending_activation' } });
    const chunks = new Map(changing.map((account) => [chunkKey(account.batchId, account.chunk), account]));
    for (const account of chunks.values()) await this.statusChanged(account);
    return result.modifiedCount;
  }

  /** Account names of the accounts among these ids that exist. */
  async accountNamesById(ids: string[]): Promise<Map<string, string>> {
    const found = await findEach(this.collection, '_id', ids, { projection: { accountName: 1 } });
    return new Map(found.map((account) => [account._id, account.accountName]));
  }

  async findExistingEmails(emails: string[]): Promise<ExistingEmail[]> {
    return findEach(this.collection, 'emailNormalized', emails, {
      projection: { _id: 1, type: 1, emailNormalized: 1, organizationId: 1, email: 1, accountName: 1, firstName: 1, locale: 1, activatedAt: 1 },
    });
  }

  /** The names among these that members have. */
  async takenAccountNames(names: string[]): Promise<Set<string>> {
    const found = await findEach(this.collection, 'accountName', names, { projection: { _id: 0, accountName: 1 } });
    return new Set(found.map((account) => account.accountName));
  }

  /** The accounts one chunk of a batch created, in a stable order. */
  inChunk(batchId: string, chunk: number): Promise<Account[]> {
    return this.collection.find({ batchId, chunk }, { projection: { searchKeys: 0 } }).sort({ _id: 1 }).toArray();
  }

  /** Batches that created accounts before accounts kept their chunk. */
  async batchesWithoutChunk(): Promise<string[]> {
    return (await this.collection.distinct('batchId', { chunk: null, batchId: { $ne: null } })) as string[];
  }

  async setChunk(ids: string[], chunk: number): Promise<void> {
    await this.collection.updateMany({ _id: { $in: ids } }, { $set: { chunk } });
  }

  /** The organization's members, of one status and type if given: every one of them read (a search before the search keys' backfill ends). */
  inOrganization(organizationId: string, status?: AccountStatus, type?: AccountType): Promise<Account[]> {
    const filter: Filter<StoredAccount> = { organizationId };
    if (status) filter.status = status;
    if (type) filter.type = ofType(type);
    return this.collection.find(filter, { projection: { searchKeys: 0 } }).toArray();
  }

  /** Personal accounts that joined the organization (an accepted invitation): few, read whole. */
  personalMembers(organizationId: string): Promise<Account[]> {
    return this.collection.find({ organizationId, type: 'personal' }, { projection: { searchKeys: 0 } }).toArray();
  }

  /**
   * The organization's accounts that hold a search key, of one status and type if given. On
   * FerretDB every condition is an equality (`$ne` included) that PostgreSQL applies, so only
   * these accounts are read.
   */
  withSearchKey(organizationId: string, key: string, status?: AccountStatus, type?: AccountType): Promise<Account[]> {
    const filter: Filter<StoredAccount> = { organizationId, searchKeys: key };
    if (status) filter.status = status;
    if (type) filter.type = ofType(type);
    return this.collection.find(filter, { projection: { searchKeys: 0 } }).toArray();
  }

  /** The statuses of the members one chunk of a batch created and still has. */
  async statusesInChunk(batchId: string, chunk: number): Promise<AccountStatus[]> {
    return (await this.collection.find({ batchId, chunk }, { projection: { _id: 0, status: 1 } }).toArray()).map((account) => account.status);
  }

  /** The members of one status that one chunk of a batch created, in a stable order. */
  inChunkWithStatus(batchId: string, chunk: number, status: AccountStatus): Promise<Account[]> {
    return this.collection.find({ batchId, chunk, status }, { projection: { searchKeys: 0 } }).sort({ _id: 1 }).toArray();
  }

  /** Accounts created by one batch, or (null) the personal accounts: names and keys, for the search keys' backfill. */
  searchedFieldsOf(batchId: string | null): Promise<StoredAccount[]> {
    const filter: Filter<StoredAccount> = batchId === null ? { type: 'personal' } : { batchId };
    return this.collection.find(filter, { projection: { email: 1, accountName: 1, firstName: 1, lastName: 1, searchKeys: 1 } }).toArray();
  }

  /** Batches that created accounts. */
  async batchesWithAccounts(): Promise<string[]> {
    return ((await this.collection.distinct('batchId', { batchId: { $ne: null } })) as (string | null)[]).filter((id): id is string => id !== null);
  }

  /** Drops the indexes of the members list before 0.6, which only slowed inserts since; answers those that were there. */
  async dropListIndexesBefore06(): Promise<string[]> {
    const existing = new Set((await this.collection.indexes()).map((index) => index.name));
    const obsolete = ['organizationId_1_createdAt_1__id_1', 'organizationId_1'].filter((name) => existing.has(name));
    for (const name of obsolete) await this.collection.dropIndex(name);
    return obsolete;
  }

  /** Adds search keys to accounts, a few updates a command (FerretDB holds a pooled connection for each). */
  async addSearchKeys(keysById: Map<string, string[]>): Promise<void> {
    const updates = [...keysById].map(([_id, keys]) => ({ updateOne: { filter: { _id }, update: { $addToSet: { searchKeys: { $each: keys } } } } }));
    for (let start = 0; start < updates.length; start += SEARCH_KEY_UPDATES_PER_COMMAND) {
      await this.collection.bulkWrite(updates.slice(start, start + SEARCH_KEY_UPDATES_PER_COMMAND), { ordered: false });
    }
  }

}
