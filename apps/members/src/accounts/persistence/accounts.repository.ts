import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model, QueryFilter } from 'mongoose';
import type { AccountStatus, MembersQuery, Page } from '@app/contracts';
import { driverCollection, findEach, insertManyRefused, isDuplicateKeyError } from '@app/persistence';
import type { Account, AccountActivation } from '../account';
import type { AccountStatusChange } from '../account-history';
import { AccountDocument } from './account.schema';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ExistingEmail {
  emailNormalized: string;
  /** Null for a personal account. */
  organizationId: string | null;
}

@Injectable()
export class AccountsRepository {
  constructor(@InjectModel(AccountDocument.name) private readonly accounts: Model<AccountDocument>) {}

  /** The driver collection, for bulk paths that validate their documents themselves. */
  private get collection(): Collection<Account> {
    return driverCollection(this.accounts);
  }

  /** Inserts many; answers the ids refused by a unique index (already there, email or name taken). */
  async insertMany(accounts: Account[]): Promise<Set<string>> {
    const refused = await insertManyRefused(this.collection, accounts);
    return new Set(refused.map((index) => accounts[index]._id));
  }

  async insertOne(account: Account): Promise<'inserted' | 'duplicate'> {
    try {
      await this.collection.insertOne(account);
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
    await this.collection.updateOne({ _id: id, activatedAt: null, status: 'pending_activation' }, { $set: { ...activation, status: 'active', mustChangePassword: false } });
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
    const result = await this.collection.updateOne({ _id: id, status: from }, { $set: { status: to, statusChanges, sessionVersion } });
    return result.matchedCount === 1;
  }

  /** The account document goes, with the member's address, names and password; true if this call removed it. */
  async remove(id: string): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: id })).deletedCount === 1;
  }

  /** Accounts that show `active` without `activatedAt` (an admin-set password, before 0.4) go back to pending; answers how many. */
  async markUnactivatedPending(): Promise<number> {
    const result = await this.collection.updateMany({ status: 'active', activatedAt: null }, { $set: { status: 'pending_activation' } });
    return result.modifiedCount;
  }

  /** Account names of the accounts among these ids that exist. */
  async accountNamesById(ids: string[]): Promise<Map<string, string>> {
    const found = await findEach(this.collection, '_id', ids, { projection: { accountName: 1 } });
    return new Map(found.map((account) => [account._id, account.accountName]));
  }

  async findExistingEmails(emails: string[]): Promise<ExistingEmail[]> {
    return findEach(this.collection, 'emailNormalized', emails, { projection: { _id: 0, emailNormalized: 1, organizationId: 1 } });
  }

  /** The names among these that members have. */
  async takenAccountNames(names: string[]): Promise<Set<string>> {
    const found = await findEach(this.collection, 'accountName', names, { projection: { _id: 0, accountName: 1 } });
    return new Set(found.map((account) => account.accountName));
  }

  /** The accounts one chunk of a batch created, in a stable order. */
  inChunk(batchId: string, chunk: number): Promise<Account[]> {
    return this.collection.find({ batchId, chunk }).sort({ _id: 1 }).toArray();
  }

  /** Batches that created accounts before accounts kept their chunk. */
  async batchesWithoutChunk(): Promise<string[]> {
    return (await this.collection.distinct('batchId', { chunk: null, batchId: { $ne: null } })) as string[];
  }

  async setChunk(ids: string[], chunk: number): Promise<void> {
    await this.collection.updateMany({ _id: { $in: ids } }, { $set: { chunk } });
  }

  /** Members matching a status, a type or a search, in creation order: reads every member of the organization on FerretDB. */
  async search(organizationId: string, query: MembersQuery): Promise<Page<Account>> {
    const filter: QueryFilter<Account> = { organizationId };
    if (query.status) filter.status = query.status;
    // Accounts from before personal accounts have no type: business.
    if (query.type) filter.type = query.type === 'personal' ? 'personal' : { $ne: 'personal' };
    if (query.q) {
      const pattern = new RegExp(escapeRegex(query.q.trim()), 'i');
      filter.$or = [{ email: pattern }, { accountName: pattern }, { firstName: pattern }, { lastName: pattern }];
    }
    const [items, total] = await Promise.all([
      this.accounts
        .find(filter)
        .sort({ createdAt: 1, _id: 1 })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .lean(),
      this.accounts.countDocuments(filter),
    ]);
    return { items, page: query.page, limit: query.limit, total };
  }
}
