import type { InvitationStatus, MemberHistoryEntry, MemberRemovedReason } from '@app/contracts';

/** Status changes an admin made, kept on the account itself: the last ones only, so the document stays small. */
export const KEPT_STATUS_CHANGES = 20;

/** One suspension or reactivation, as the account stores it; `eventId` is the id of the event that told subscribers. */
export interface AccountStatusChange {
  event: 'suspended' | 'reactivated';
  at: Date;
  by: string;
  eventId: string;
}

/** The account's changes with this one added, the oldest dropped past KEPT_STATUS_CHANGES. */
export function withStatusChange(changes: AccountStatusChange[] | undefined, change: AccountStatusChange): AccountStatusChange[] {
  return [...(changes ?? []), change].slice(-KEPT_STATUS_CHANGES);
}

/** Created, activated, then the admin's changes, oldest first: from the account's own fields, nothing else read. */
export function memberHistory(account: { createdAt: Date; activatedAt: Date | null; statusChanges?: AccountStatusChange[] }): MemberHistoryEntry[] {
  const entries: { event: MemberHistoryEntry['event']; at: Date; by: string | null }[] = [{ event: 'created', at: account.createdAt, by: null }];
  if (account.activatedAt) entries.push({ event: 'activated', at: account.activatedAt, by: null });
  for (const change of account.statusChanges ?? []) entries.push({ event: change.event, at: change.at, by: change.by });
  // A stable sort: entries written at the same instant keep the order they happened in.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ event, at, by }) => ({ event, at: at.toISOString(), by }));
}

/** One invitation of a personal account by the organization, as the member's history reads it. */
export interface InvitationSteps {
  createdAt: Date;
  invitedBy: string;
  status: InvitationStatus;
  endedAt: Date | null;
  /** The admin who cancelled it. */
  endedBy: string | null;
  membershipEnded: { at: Date; reason: MemberRemovedReason; by: string | null } | null;
}

const ENDING_STEP: Partial<Record<InvitationStatus, MemberHistoryEntry['event']>> = {
  accepted: 'joined',
  declined: 'declined',
  expired: 'invitation_expired',
  cancelled: 'invitation_cancelled',
};

const MEMBERSHIP_END_STEP: Partial<Record<MemberRemovedReason, MemberHistoryEntry['event']>> = {
  left: 'left',
  removed_by_admin: 'removed_by_admin',
};

/**
 * A personal member's steps with the organization, oldest first: each invitation (`invited`, by
 * the admin), how it ended (`joined`, `declined`, `invitation_expired`, `invitation_cancelled`),
 * and how a membership it led to ended (`left`, `removed_by_admin`). The account's own sign-up is
 * its owner's business, not the organization's.
 */
export function personalMemberHistory(invitations: InvitationSteps[]): MemberHistoryEntry[] {
  const entries: { event: MemberHistoryEntry['event']; at: Date; by: string | null; order: number }[] = [];
  for (const invitation of invitations) {
    entries.push({ event: 'invited', at: invitation.createdAt, by: invitation.invitedBy, order: 0 });
    const ending = ENDING_STEP[invitation.status];
    if (ending && invitation.endedAt) entries.push({ event: ending, at: invitation.endedAt, by: invitation.status === 'cancelled' ? invitation.endedBy : null, order: 1 });
    const ended = invitation.membershipEnded && MEMBERSHIP_END_STEP[invitation.membershipEnded.reason];
    if (ended && invitation.membershipEnded) entries.push({ event: ended, at: invitation.membershipEnded.at, by: invitation.membershipEnded.by, order: 2 });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order).map(({ event, at, by }) => ({ event, at: at.toISOString(), by }));
}
