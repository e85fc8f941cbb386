import type { Channel } from 'amqplib';
import { MessagePriority, Queues } from '@app/contracts';
import { assertSharedExchanges, retryQueueName } from '@app/messaging';

export interface QueueBinding {
  exchange: string;
  routingKey: string;
}

interface RetryTier {
  queue: string;
  delayMs: number;
}

/** A work queue of this service with the queues its failed messages wait in. */
export interface MailQueueTopology {
  queue: string;
  binding: QueueBinding;
  retryTiers: RetryTier[];
  deadQueue: string;
}

export function mailQueueTopology(queue: string, binding: QueueBinding, delaysMs: readonly number[]): MailQueueTopology {
  return {
    queue,
    binding,
    retryTiers: delaysMs.map((delayMs) => ({ queue: retryQueueName(queue, delayMs), delayMs })),
    deadQueue: Queues.NotificationsDead,
  };
}

/**
 * Declares the work queue and binds it; idempotent, run on every (re)connection.
 *
 * Per-message TTL only expires at the head of a queue, so each delay has its own queue with a
 * queue-level TTL: a message waits there, then RabbitMQ dead-letters it through the default
 * exchange back to the work queue. The work queue dead-letters to the dead queue too, so a
 * message rejected outside the service's own handling (a bug) is parked, never dropped. Work
 * queues deliver interactive messages (a small batch, a resend) before bulk ones, and keep a
 * large backlog (an import's hundred thousand welcome mails) on disk rather than in the broker's
 * memory.
 */
export async function declareMailQueue(channel: Channel, topology: MailQueueTopology): Promise<void> {
  await assertSharedExchanges(channel);
  await channel.assertQueue(topology.deadQueue, { durable: true });
  await channel.assertQueue(topology.queue, {
    durable: true,
    arguments: {
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': topology.deadQueue,
      'x-max-priority': MessagePriority.Interactive,
      'x-queue-mode': 'lazy',
    },
  });
  for (const tier of topology.retryTiers) {
    await channel.assertQueue(tier.queue, {
      durable: true,
      arguments: { 'x-message-ttl': tier.delayMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': topology.queue },
    });
  }
  await channel.bindQueue(topology.queue, topology.binding.exchange, topology.binding.routingKey);
}
