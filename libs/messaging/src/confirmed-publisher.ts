import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { KeptChannel } from './kept-channel';
import { encodeMessage } from './message-size';
import type { RabbitConnection } from './rabbit-connection';
import { assertSharedExchanges } from './topology';

/**
 * How long a publish waits for a channel the broker just closed to be opened again (a fraction of
 * a second) before failing; while the whole connection is down it fails at once.
 */
const REOPEN_WAIT_MS = 2_000;

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
 * When the broker closes the channel (a message over its size limit, an exchange deleted), the
 * messages in flight on it fail and the next ones go out on a new channel, exchanges declared again.
 */
export class ConfirmedPublisher {
  private channel?: KeptChannel<ConfirmChannel>;
  private readonly inFlight = new Map<string, Pending>();

  /** `declare` asserts the exchanges this service publishes to, on each new channel. */
  constructor(
    private readonly connection: RabbitConnection,
    private readonly declare: (channel: ConfirmChannel) => Promise<void> = assertSharedExchanges,
  ) {}

  async start(): Promise<void> {
    this.channel = await this.connection.keepConfirmChannel('publisher', (channel) => this.setUp(channel));
  }

  get isReady(): boolean {
    return this.channel?.current !== undefined;
  }

  async publish(exchange: string, routingKey: string, body: unknown, options: PublishOptions): Promise<PublishResult> {
    const channel = this.channel?.current ?? (this.connection.isConnected ? await this.channel?.ready(REOPEN_WAIT_MS) : undefined);
    if (!channel) throw new PublishFailedError('RabbitMQ is not connected');
    const content = encodeMessage(body);
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
          content,
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

  private async setUp(channel: ConfirmChannel): Promise<void> {
    await this.declare(channel);
    channel.on('return', (message: ConsumeMessage) => {
      const pending = this.inFlight.get(String(message.properties.messageId));
      if (pending) pending.routed = false;
    });
  }
}
