import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { Queues } from '@app/contracts';
import { assertAuditQueue, RabbitConnection, RejectMessage, startConsumer } from '@app/messaging';
import { readAuditMessage } from './audit-message';
import { RecordAuditEventUseCase } from './record-audit-event.usecase';

/** Audit events recorded at once by one instance; each is an insert (and at most one read). */
const PREFETCH = 50;
/** A failed insert (the database away) is tried again after this pause, not in a tight loop. */
const RETRY_PAUSE_MS = 1_000;

/**
 * Takes the audit events the gateway publishes on `roster.audit` into the audit log, in every
 * role of the members service. A message is acked once recorded; one that is not an audit event is
 * dead-lettered to `members.audit-events.dead`; one that could not be written goes back to the queue.
 */
@Injectable()
export class AuditEventsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditLog');

  constructor(
    private readonly connection: RabbitConnection,
    private readonly recordEvent: RecordAuditEventUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await startConsumer(
      this.connection,
      { queue: Queues.MembersAuditEvents, prefetch: PREFETCH, declare: assertAuditQueue, handle: (message) => this.handle(message) },
      this.logger,
    );
  }

  private async handle(delivery: ConsumeMessage): Promise<void> {
    const message = await readAuditMessage(delivery.content);
    if ('refused' in message) {
      this.logger.warn({ message: 'audit message refused; dead-lettered', reason: message.refused, messageId: delivery.properties.messageId });
      throw new Error(message.refused);
    }
    try {
      const outcome = await this.recordEvent.execute(message);
      if (outcome === 'duplicate') this.logger.debug?.({ message: 'audit event recorded already', eventId: message.id });
    } catch (error) {
      this.logger.warn({ message: 'audit event not recorded; it goes back to the queue', eventId: message.id, reason: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      throw new RejectMessage('audit event not recorded', true);
    }
  }
}
