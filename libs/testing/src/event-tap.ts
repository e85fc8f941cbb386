import { type ChannelModel, connect } from 'amqplib';
import { Exchanges } from '@app/contracts';
import { eventually } from './test-backends';

export interface TappedMessage {
  routingKey: string;
  messageId: string | undefined;
  persistent: boolean;
  raw: string;
  body: Record<string, unknown>;
}

/** A subscriber of `roster.events` for tests: its own queue, bound with a pattern, keeping all it gets. */
export class EventTap {
  readonly messages: TappedMessage[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async start(amqpUrl: string, pattern = '#'): Promise<EventTap> {
    const connection = await connect(amqpUrl);
    const channel = await connection.createChannel();
    await channel.assertExchange(Exchanges.Events, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, Exchanges.Events, pattern);
    const tap = new EventTap(connection);
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        const raw = message.content.toString('utf8');
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw);
        } catch {
          body = { unparsable: raw };
        }
        tap.messages.push({
          routingKey: message.fields.routingKey,
          messageId: message.properties.messageId,
          persistent: message.properties.deliveryMode === 2,
          raw,
          body,
        });
      },
      { noAck: true },
    );
    return tap;
  }

  ofType(type: string): TappedMessage[] {
    return this.messages.filter((message) => message.body.type === type);
  }

  async waitFor(type: string, count: number, timeoutMs = 20_000): Promise<TappedMessage[]> {
    return eventually(async () => (this.ofType(type).length >= count ? this.ofType(type) : undefined), timeoutMs, `${count} ${type} events`);
  }

  async stop(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
