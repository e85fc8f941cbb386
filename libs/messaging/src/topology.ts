import type { Channel } from 'amqplib';
import { Exchanges } from '@app/contracts';

/** The exchanges every publisher and subscriber may rely on; asserting them is idempotent. */
export async function assertSharedExchanges(channel: Channel): Promise<void> {
  await channel.assertExchange(Exchanges.Events, 'topic', { durable: true });
  await channel.assertExchange(Exchanges.Commands, 'direct', { durable: true });
}
