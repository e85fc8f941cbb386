import { Injectable, Logger } from '@nestjs/common';
import { Exchanges } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { type MemberEvent, ROUTING_KEY_OF } from './member-events';
import { MemberEventsOutboxRepository } from './persistence/member-events-outbox.repository';

/**
 * Member events with the guarantees of AccountCreated: each is written to `member_events_outbox`
 * before the change it tells of, published with confirms right after the change, and deleted from
 * the outbox once confirmed. One the broker did not take waits there for the event relay, which
 * publishes it only once it has checked that the change happened.
 */
@Injectable()
export class MemberEventsPublisher {
  private readonly logger = new Logger('MemberEvents');

  constructor(
    private readonly publisher: ConfirmedPublisher,
    private readonly outbox: MemberEventsOutboxRepository,
  ) {}

  /** `invitationId` for an invitation's or a membership's event: the relay checks that invitation's recorded event ids. */
  prepare(memberId: string, event: MemberEvent, invitationId?: string): Promise<void> {
    const entry = { _id: event.id, memberId, type: event.type, routingKey: ROUTING_KEY_OF[event.type], event: JSON.stringify(event), createdAt: new Date() };
    return this.outbox.add(invitationId ? { ...entry, invitationId } : entry);
  }

  /** The change is written: sends the event now; if the broker does not confirm it, the relay will. */
  async publish(event: MemberEvent): Promise<void> {
    try {
      await this.publisher.publish(Exchanges.Events, ROUTING_KEY_OF[event.type], event, { messageId: event.id, type: event.type });
    } catch (error) {
      this.logger.warn({ message: 'member event left to the relay', eventId: event.id, type: event.type, reason: (error as Error).message });
      return;
    }
    await this.outbox.remove([event.id]);
  }

  /** The change this event was written for did not happen (the status had changed meanwhile). */
  abandon(event: MemberEvent): Promise<void> {
    return this.outbox.remove([event.id]);
  }
}
