import type { MemberAccountView } from './account';

/** A business account's steps, then a personal member's: its invitations to this organization and how each ended. */
export const MEMBER_HISTORY_EVENTS = [
  'created',
  'activated',
  'suspended',
  'reactivated',
  'invited',
  'joined',
  'declined',
  'invitation_expired',
  'invitation_cancelled',
  'left',
  'removed_by_admin',
] as const;
export type MemberHistoryEvent = (typeof MEMBER_HISTORY_EVENTS)[number];

/** One step of a member's life, oldest first: `by` is the admin who did it, null for what the member or an import did. */
export interface MemberHistoryEntry {
  event: MemberHistoryEvent;
  at: string;
  by: string | null;
}

/** `GET /api/v1/members/:id`: the member and what happened to the account. */
export interface MemberDetailView extends MemberAccountView {
  history: MemberHistoryEntry[];
}

/** `DELETE /api/v1/members/:id` answers nothing; the members service tells the gateway what it deleted. */
export interface DeletedMember {
  id: string;
  accountName: string;
  /** `account_deleted` for a business account (gone for good); `removed_from_organization` for a personal member, whose account stays its owner's. */
  outcome: 'account_deleted' | 'removed_from_organization';
}
