import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxEntry, OutboxSource } from '../events/outbox-source';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/** BatchCompleted events travel inside the batch document they close. */
@Injectable()
export class BatchEventsOutbox implements OutboxSource {
  readonly name = 'member_batches';

  constructor(private readonly batches: MemberBatchesRepository) {}

  async pending(limit: number): Promise<OutboxEntry[]> {
    const documents = await this.batches.pendingEvents(limit);
    return documents.flatMap((document) =>
      document.pendingEvent
        ? [{ documentId: document._id, eventId: document.pendingEvent.id, type: document.pendingEvent.type, routingKey: RoutingKeys.BatchCompleted, event: document.pendingEvent }]
        : [],
    );
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.batches.markEventsPublished(documentIds);
  }
}
