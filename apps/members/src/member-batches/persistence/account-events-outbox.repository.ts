import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedEvent, type Locale } from '@app/contracts';
import { insertedOnce } from '../../persistence/duplicate-key';
import { deterministicUuid } from '../../persistence/deterministic-uuid';
import { AccountEventsOutboxEntry, type CreatedMember } from './account-events-outbox.schema';

export interface CreatedAccounts {
  /** `<batchId>:<chunk>`. */
  id: string;
  organizationId: string;
  batchId: string;
  locale: Locale;
  occurredAt: Date;
  members: CreatedMember[];
}

export interface PendingAccountEvents {
  id: string;
  events: AccountCreatedEvent[];
}

function accountCreatedEvents(entry: AccountEventsOutboxEntry): AccountCreatedEvent[] {
  const members = JSON.parse(entry.members) as CreatedMember[];
  return members.map((member) => ({
    // The same id every time for a member's AccountCreated: a chunk committed again repeats, not adds.
    id: deterministicUuid(`AccountCreated:${member.memberId}`),
    type: 'AccountCreated',
    version: ACCOUNT_CREATED_VERSION,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    organizationId: entry.organizationId,
    data: { ...member, accountType: 'business', locale: entry.locale, batchId: entry.batchId },
  }));
}

@Injectable()
export class AccountEventsOutboxRepository {
  constructor(@InjectModel(AccountEventsOutboxEntry.name) private readonly entries: Model<AccountEventsOutboxEntry>) {}

  /** A chunk committed again writes the same events under the same id: the first write stays. */
  async add(created: CreatedAccounts): Promise<void> {
    if (created.members.length === 0) return;
    const { id, members, ...shared } = created;
    await insertedOnce(this.entries.create({ _id: id, ...shared, members: JSON.stringify(members) }));
  }

  /** No filter and no sort, so FerretDB can stop at the limit instead of reading everything. */
  async pending(limit: number): Promise<PendingAccountEvents[]> {
    const entries = await this.entries.find().limit(limit).lean<AccountEventsOutboxEntry[]>();
    return entries.map((entry) => ({ id: entry._id, events: accountCreatedEvents(entry) }));
  }

  async remove(ids: string[]): Promise<void> {
    await this.entries.deleteMany({ _id: { $in: ids } });
  }
}
