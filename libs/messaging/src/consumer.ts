import type { LoggerService } from '@nestjs/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { RabbitConnection } from './rabbit-connection';

/** What a handler decides about a message it could not process. */
export class RejectMessage extends Error {
  constructor(
    message: string,
    readonly requeue: boolean,
  ) {
    super(message);
    this.name = 'RejectMessage';
  }
}

interface ConsumerOptions {
  queue: string;
  prefetch: number;
  /** Declares the queue (and its bindings) on the channel before consuming. */
  declare: (channel: Channel) => Promise<void>;
  /**
   * Called with the raw message; resolve to ack it. Throw RejectMessage to choose between
   * requeue and dead-lettering; any other error dead-letters the message (nack without requeue),
   * so a poison message never loops and is never silently dropped when the queue has a DLX.
   */
  handle: (message: ConsumeMessage, channel: Channel) => Promise<void>;
}

/**
 * Starts a manual-ack consumer with bounded prefetch on a channel kept open: re-started after each
 * reconnection, after the broker closed its channel (a consumer that did not ack in time, a
 * declaration refused), and after the broker cancelled it (its queue was deleted: declared again).
 */
export async function startConsumer(
  connection: RabbitConnection,
  options: ConsumerOptions,
  logger: LoggerService,
): Promise<void> {
  await connection.keepChannel(`consumer ${options.queue}`, async (channel: Channel) => {
    await options.declare(channel);
    await channel.prefetch(options.prefetch);
    await channel.consume(
      options.queue,
      (message) => {
        if (!message) {
          // The broker cancelled the consumer (its queue was deleted). Closing the channel opens a
          // new one, which declares the queue again; unacked messages go back to the broker.
          logger.warn({ message: 'consumer cancelled by RabbitMQ; declaring its queue again', queue: options.queue }, 'Consumer');
          channel.close().catch(() => undefined);
          return;
        }
        options.handle(message, channel).then(
          () => {
            try {
              channel.ack(message);
            } catch {
              // The channel closed meanwhile: the broker redelivers, and handlers are idempotent.
            }
          },
          (error: unknown) => {
            const requeue = error instanceof RejectMessage && error.requeue;
            logger.warn(
              { message: 'message rejected', queue: options.queue, requeue, reason: (error as Error).message },
              'Consumer',
            );
            try {
              channel.nack(message, false, requeue);
            } catch {
              // The channel closed meanwhile: the broker redelivers the unacked message.
            }
          },
        );
      },
      { noAck: false },
    );
  });
}
