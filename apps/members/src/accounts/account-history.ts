import type { MemberHistoryEntry } from '@app/contracts';

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
