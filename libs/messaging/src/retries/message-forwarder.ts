import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { KeptChannel } from '../kept-channel';
import { RabbitConnection } from '../rabbit-connection';

/** Headers RabbitMQ writes when it dead-letters a message; it keeps them itself, a copy must not carry stale ones. */
const BROKER_HEADERS = /^x-(death|first-death-|last-death-)/;

/**
 * Copies a received message, byte for byte with its properties, to one of this service's queues
 * (a retry tier or the dead queue) on a confirm channel. The promise settles when the broker has
 * the copy, so the original is acked only then: a message is never in neither place.
 * ConfirmedPublisher only publishes JSON it serialises itself, which would change a malformed
 * body on its way to the dead queue.
 */
@Injectable()
export class MessageForwarder implements OnModuleInit {
  private channel?: KeptChannel<ConfirmChannel>;

  constructor(private readonly connection: RabbitConnection) {}

  async onModuleInit(): Promise<void> {
    this.channel = await this.connection.keepConfirmChannel('forwarder', async () => undefined);
  }

  forward(message: ConsumeMessage, queue: string, headers: Record<string, unknown>): Promise<void> {
    const channel = this.channel?.current;
    if (!channel) return Promise.reject(new Error('RabbitMQ is not connected'));
    const { properties } = message;
    const kept = Object.fromEntries(Object.entries(properties.headers ?? {}).filter(([name]) => !BROKER_HEADERS.test(name)));
    return new Promise<void>((resolve, reject) => {
      const settle = (error: unknown) => (error ? reject(new Error(`broker did not confirm the copy to ${queue}`)) : resolve());
      try {
        channel.publish(
          '',
          queue,
          message.content,
          {
            persistent: true,
            contentType: properties.contentType,
            contentEncoding: properties.contentEncoding,
            messageId: properties.messageId,
            correlationId: properties.correlationId,
            type: properties.type,
            appId: properties.appId,
            timestamp: properties.timestamp,
            headers: { ...kept, ...headers },
          },
          settle,
        );
      } catch (error) {
        settle(error);
      }
    });
  }
}
