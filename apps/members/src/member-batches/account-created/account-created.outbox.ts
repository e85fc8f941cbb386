import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxDocument, OutboxSource } from '../../events/outbox-source';
import { accountCreatedEvents } from './account-created-events';
import { AccountCreatedOutboxRepository } from './persistence/account-created-outbox.repository';

/** AccountCreated events the broker did not confirm when their chunk was committed, one document per chunk. */
@Injectable()
export class AccountCreatedOutbox implements OutboxSource {
  readonly name = 'account_events_outbox';

  constructor(private readonly outbox: AccountCreatedOutboxRepository) {}

  async pending(limit: number): Promise<OutboxDocument[]> {
    const documents = await this.outbox.pending(limit);
    return documents.map((created) => ({
      documentId: created.id,
      entries: accountCreatedEvents(created).map((event) => ({ eventId: event.id, type: event.type, routingKey: RoutingKeys.AccountCreated, event })),
    }));
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.outbox.remove(documentIds);
  }
}
