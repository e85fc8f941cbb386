import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { RabbitConnection } from './rabbit-connection';
import { assertSharedExchanges } from './topology';

export class PublishFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishFailedError';
  }
}

export interface PublishOptions {
  /** Unique per message: subscribers dedupe on it, and unroutable returns are matched by it. */
  messageId: string;
  type?: string;
  headers?: Record<string, unknown>;
  /** For queues declared with `x-max-priority`: higher is delivered first. */
  priority?: number;
}

interface PublishResult {
  /** False when the broker had no queue bound for the routing key (the message went nowhere). */
  routed: boolean;
}

interface Pending {
  routed: boolean;
}

/**
 * Publishes persistent JSON messages on a confirm channel. The returned promise settles only
 * when the broker confirmed (or refused) the message, so a caller can mark work as sent
 * only after the broker took responsibility for it. Many publishes may be in flight at once.
 */
export class ConfirmedPublisher {
  private channel?: ConfirmChannel;
  private readonly inFlight = new Map<string, Pending>();

  constructor(private readonly connection: RabbitConnection) {}

  async start(): Promise<void> {
    await this.connection.onEachConnection((model) => this.openChannel(model));
  }

  get isReady(): boolean {
    return this.channel !== undefined;
  }

  publish(exchange: string, routingKey: string, body: unknown, options: PublishOptions): Promise<PublishResult> {
    const channel = this.channel;
    if (!channel) return Promise.reject(new PublishFailedError('RabbitMQ is not connected'));
    const pending: Pending = { routed: true };
    this.inFlight.set(options.messageId, pending);
    return new Promise<PublishResult>((resolve, reject) => {
      const settle = (error: unknown) => {
        this.inFlight.delete(options.messageId);
        if (error) reject(new PublishFailedError(`broker did not confirm message ${options.messageId}`));
        else resolve({ routed: pending.routed });
      };
      try {
        channel.publish(
          exchange,
          routingKey,
          Buffer.from(JSON.stringify(body)),
          {
            persistent: true,
            mandatory: true,
            contentType: 'application/json',
            messageId: options.messageId,
            type: options.type,
            headers: options.headers,
            priority: options.priority,
            timestamp: Math.floor(Date.now() / 1000),
          },
          settle,
        );
      } catch (error) {
        settle(error);
      }
    });
  }

  private async openChannel(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    await assertSharedExchanges(channel);
    channel.on('return', (message: ConsumeMessage) => {
      const pending = this.inFlight.get(String(message.properties.messageId));
      if (pending) pending.routed = false;
    });
    channel.on('close', () => {
      if (this.channel === channel) this.channel = undefined;
    });
    channel.on('error', () => undefined);
    this.channel = channel;
  }
}
