import { Queues } from '@app/contracts';
import { retryQueueName } from '@app/messaging';

/** The work queues of this service, one per kind of message that leads to a mail. */
export const NotificationQueues = {
  AccountCreated: Queues.NotificationsAccountCreated,
  /** Private: bound to `roster.commands`, which other subscribers cannot read. */
  ActivationRequests: 'notifications.send-activation-email',
  BatchSummaries: 'notifications.batch-completed',
  /** Private too: a sign-up's mail, verification or "an account exists". */
  SignUpMails: 'notifications.send-sign-up-email',
  /** An organization's invitation of a personal account, bound to `roster.events` (`MemberInvited`). */
  Invitations: 'notifications.member-invited',
  /** Private: an admin's resend of an invitation, bound to `roster.commands` (`SendInvitationEmail`). */
  InvitationResends: 'notifications.send-invitation-email',
} as const;

/** Every queue the service declares with these retry delays, the dead queue last. */
export function allNotificationQueues(delaysMs: readonly number[]): string[] {
  const work = Object.values(NotificationQueues);
  return [...work, ...work.flatMap((queue) => delaysMs.map((delay) => retryQueueName(queue, delay))), Queues.NotificationsDead];
}
