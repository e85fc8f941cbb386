import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AccountCreatedEvent } from '@app/contracts';
import { isDuplicateKeyError } from '../../persistence/duplicate-key';
import { AccountEventsOutboxEntry } from './account-events-outbox.schema';

export interface PendingAccountEvents {
  id: string;
  events: AccountCreatedEvent[];
}

@Injectable()
export class AccountEventsOutboxRepository {
  constructor(@InjectModel(AccountEventsOutboxEntry.name) private readonly entries: Model<AccountEventsOutboxEntry>) {}

  /** A chunk committed again writes the same events under the same id: the first write stays. */
  async add(id: string, events: AccountCreatedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.entries.create({ _id: id, events: JSON.stringify(events), createdAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** No filter and no sort, so FerretDB can stop at the limit instead of reading everything. */
  async pending(limit: number): Promise<PendingAccountEvents[]> {
    const entries = await this.entries.find().limit(limit).lean<AccountEventsOutboxEntry[]>();
    return entries.map((entry) => ({ id: entry._id, events: JSON.parse(entry.events) as AccountCreatedEvent[] }));
  }

  async remove(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: id });
  }
}
