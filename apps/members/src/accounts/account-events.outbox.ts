import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxEntry, OutboxSource } from '../events/outbox-source';
import { AccountsRepository } from './persistence/accounts.repository';

/** AccountCreated events travel inside the account document they describe. */
@Injectable()
export class AccountEventsOutbox implements OutboxSource {
  readonly name = 'accounts';

  constructor(private readonly accounts: AccountsRepository) {}

  async pending(limit: number): Promise<OutboxEntry[]> {
    const documents = await this.accounts.pendingEvents(limit);
    return documents.flatMap((document) =>
      document.pendingEvent
        ? [
            {
              documentId: document._id,
              eventId: document.pendingEvent.id,
              type: document.pendingEvent.type,
              routingKey: RoutingKeys.AccountCreated,
              event: document.pendingEvent,
            },
          ]
        : [],
    );
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.accounts.markEventsPublished(documentIds);
  }
}
