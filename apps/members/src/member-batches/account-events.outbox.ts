import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxDocument, OutboxSource } from '../events/outbox-source';
import { CommitResultsRepository } from './persistence/commit-results.repository';

/** AccountCreated events travel inside the commit result of the chunk that created the accounts. */
@Injectable()
export class AccountEventsOutbox implements OutboxSource {
  readonly name = 'batch_commit_results';

  constructor(private readonly results: CommitResultsRepository) {}

  async pending(limit: number): Promise<OutboxDocument[]> {
    const documents = await this.results.pendingEvents(limit);
    return documents.map(({ _id, events }) => ({
      documentId: _id,
      entries: events.map((event) => ({ eventId: event.id, type: event.type, routingKey: RoutingKeys.AccountCreated, event })),
    }));
  }

  markPublished(documentId: string): Promise<void> {
    return this.results.markEventsPublished(documentId);
  }
}
