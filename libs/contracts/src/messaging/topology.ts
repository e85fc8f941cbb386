/** Names on the RabbitMQ broker that more than one service relies on. */
export const Exchanges = {
  /** Durable topic exchange of public domain events; any service may bind a queue to it. */
  Events: 'roster.events',
  /** Direct exchange of private commands that must never be readable by other subscribers. */
  Commands: 'roster.commands',
  /** Direct exchange of audit events, private: the gateway publishes, the members service records. */
  Audit: 'roster.audit',
  /**
   * Direct exchange in front of `members.rpc` (routing key `members.rpc`): callers may write to
   * it and nothing else, where publishing to a queue by name (the default exchange) would let
   * them write to every queue.
   */
  Rpc: 'roster.rpc',
} as const;

export const RoutingKeys = {
  AccountCreated: 'member.account.created',
  BatchCompleted: 'member.batch.completed',
  MemberSuspended: 'member.account.suspended',
  MemberReactivated: 'member.account.reactivated',
  AccountDeleted: 'member.account.deleted',
  MemberInvited: 'member.invitation.created',
  InvitationDeclined: 'member.invitation.declined',
  InvitationExpired: 'member.invitation.expired',
  InvitationCancelled: 'member.invitation.cancelled',
  MemberJoined: 'member.membership.joined',
  MemberRemoved: 'member.membership.removed',
  SendActivationEmail: 'notifications.send-activation-email',
  AuditEvent: 'audit.event',
  SendSignUpEmail: 'notifications.send-sign-up-email',
  SendInvitationEmail: 'notifications.send-invitation-email',
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
  /** Audit events on their way to the audit log (members service), bound to `roster.audit`. */
  MembersAuditEvents: 'members.audit-events',
  /** Audit messages that are not well-formed events, kept for an operator. */
  MembersAuditEventsDead: 'members.audit-events.dead',
} as const;
