/** Names on the RabbitMQ broker that more than one service relies on. */
export const Exchanges = {
  /** Durable topic exchange of public domain events; any service may bind a queue to it. */
  Events: 'roster.events',
  /** Direct exchange of private commands that must never be readable by other subscribers. */
  Commands: 'roster.commands',
} as const;

export const RoutingKeys = {
  AccountCreated: 'member.account.created',
  BatchCompleted: 'member.batch.completed',
  SendActivationEmail: 'notifications.send-activation-email',
} as const;

/**
 * Message priorities, for the queues that declare `x-max-priority: MessagePriority.Interactive`.
 * An admin waiting on a small batch or a resend must not wait behind another organization's
 * hundred thousand welcome mails.
 */
export const MessagePriority = {
  Bulk: 0,
  Interactive: 1,
} as const;

export const Queues = {
  /** Request/response from the gateway to the members service. */
  MembersRpc: 'members.rpc',
  NotificationsAccountCreated: 'notifications.account-created',
  NotificationsDead: 'notifications.dead',
} as const;
