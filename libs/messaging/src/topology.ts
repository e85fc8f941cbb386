import type { Channel } from 'amqplib';
import { Exchanges, Queues, RoutingKeys } from '@app/contracts';

/** The exchanges every publisher and subscriber may rely on; asserting them is idempotent. */
export async function assertSharedExchanges(channel: Channel): Promise<void> {
  await channel.assertExchange(Exchanges.Events, 'topic', { durable: true });
  await channel.assertExchange(Exchanges.Commands, 'direct', { durable: true });
}

/**
 * The audit exchange (`roster.audit`, direct, private): the gateway publishes its audit events
 * there, and only the members service reads them. Declared by both, so either may start first.
 */
export async function assertAuditExchange(channel: Channel): Promise<void> {
  await channel.assertExchange(Exchanges.Audit, 'direct', { durable: true });
}

/**
 * The members service's queue of audit events, bound to `roster.audit`; a message that is not a
 * well-formed event is dead-lettered to `members.audit-events.dead` for an operator to read.
 */
export async function assertAuditQueue(channel: Channel): Promise<void> {
  await assertAuditExchange(channel);
  await channel.assertQueue(Queues.MembersAuditEventsDead, { durable: true });
  await channel.assertQueue(Queues.MembersAuditEvents, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': Queues.MembersAuditEventsDead },
  });
  await channel.bindQueue(Queues.MembersAuditEvents, Exchanges.Audit, RoutingKeys.AuditEvent);
}
