import type { MemberAccountView } from './account';

export const MEMBER_HISTORY_EVENTS = ['created', 'activated', 'suspended', 'reactivated'] as const;
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
}
