import { type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

export interface QueuedMessage {
  body: string;
  headers: Record<string, unknown>;
}

export interface PublishOptions {
  messageId?: string;
  /** For queues declared with `x-max-priority`; none is the lowest. */
  priority?: number;
}

/** A channel to the test broker, to publish and to read queues as another service or an operator would. */
export class BrokerProbe {
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
  ) {}

  static async open(amqpUrl: string): Promise<BrokerProbe> {
    const connection = await connect(amqpUrl);
    return new BrokerProbe(connection, await connection.createConfirmChannel());
  }

  /** Publishes a persistent message (JSON, or raw bytes) and waits for the broker's confirm. */
  async publish(exchange: string, routingKey: string, body: object | Buffer, options: PublishOptions = {}): Promise<void> {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    this.channel.publish(exchange, routingKey, content, {
      persistent: true,
      contentType: 'application/json',
      messageId: options.messageId ?? randomUUID(),
      priority: options.priority,
    });
    await this.channel.waitForConfirms();
  }

  /** Takes (and removes) every message waiting in the queue now. */
  async take(queue: string): Promise<QueuedMessage[]> {
    const taken: QueuedMessage[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: true });
      if (!message) return taken;
      taken.push({ body: message.content.toString('utf8'), headers: message.properties.headers ?? {} });
    }
  }

  /** Messages waiting in a queue right now (not those being handled). */
  async depth(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
