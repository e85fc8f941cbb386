import { Injectable } from '@nestjs/common';
import { RoutingKeys } from '@app/contracts';
import type { OutboxDocument, OutboxSource } from '../events/outbox-source';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/** BatchCompleted events travel inside the batch document they close. */
@Injectable()
export class BatchEventsOutbox implements OutboxSource {
  readonly name = 'member_batches';

  constructor(private readonly batches: MemberBatchesRepository) {}

  async pending(limit: number): Promise<OutboxDocument[]> {
    const documents = await this.batches.pendingEvents(limit);
    return documents.flatMap(({ _id, pendingEvent }) =>
      pendingEvent
        ? [{ documentId: _id, entries: [{ eventId: pendingEvent.id, type: pendingEvent.type, routingKey: RoutingKeys.BatchCompleted, event: pendingEvent }] }]
        : [],
    );
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.batches.markEventsPublished(documentIds);
  }
}
