import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxDocument, OutboxSource } from '../events/outbox-source';
import { AccountEventsOutboxRepository } from './persistence/account-events-outbox.repository';

/** AccountCreated events wait in one outbox document per committed chunk, removed once sent. */
@Injectable()
export class AccountEventsOutbox implements OutboxSource {
  readonly name = 'account_events_outbox';

  constructor(private readonly outbox: AccountEventsOutboxRepository) {}

  async pending(limit: number): Promise<OutboxDocument[]> {
    const documents = await this.outbox.pending(limit);
    return documents.map(({ id, events }) => ({
      documentId: id,
      entries: events.map((event) => ({ eventId: event.id, type: event.type, routingKey: RoutingKeys.AccountCreated, event })),
    }));
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.outbox.remove(documentIds);
  }
}
