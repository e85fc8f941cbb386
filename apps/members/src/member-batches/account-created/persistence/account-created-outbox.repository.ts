import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import type { CreatedAccounts, CreatedMember } from '../account-created-events';
import { AccountCreatedOutboxEntry } from './account-created-outbox.schema';

@Injectable()
export class AccountCreatedOutboxRepository {
  constructor(@InjectModel(AccountCreatedOutboxEntry.name) private readonly entries: Model<AccountCreatedOutboxEntry>) {}

  /** A chunk committed again writes the same events under the same id: the first write stays. */
  async add(created: CreatedAccounts): Promise<void> {
    if (created.members.length === 0) return;
    const { id, members, ...shared } = created;
    await insertedOnce(this.entries.create({ _id: id, ...shared, members: JSON.stringify(members) }));
  }

  /** No filter and no sort, so FerretDB can stop at the limit instead of reading everything. */
  async pending(limit: number): Promise<CreatedAccounts[]> {
    const entries = await this.entries.find().limit(limit).lean<AccountCreatedOutboxEntry[]>();
    return entries.map(({ _id, members, occurredAt, ...shared }) => ({
      id: _id,
      ...shared,
      occurredAt: new Date(occurredAt),
      members: JSON.parse(members) as CreatedMember[],
    }));
  }

  async remove(ids: string[]): Promise<void> {
    await this.entries.deleteMany({ _id: { $in: ids } });
  }
}
