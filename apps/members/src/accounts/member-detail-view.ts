import type { MemberDetailView } from '@app/contracts';
import type { Account } from './account';
import { type InvitationSteps, memberHistory, personalMemberHistory } from './account-history';
import { toMemberAccountView } from './account-view';

/**
 * A member as `GET /api/v1/members/:id` shows it: the account and its history, from the account
 * document alone for a business account; for a personal member, from the organization's
 * invitations of it.
 */
export function toMemberDetailView(account: Account, invitations: InvitationSteps[] = []): MemberDetailView {
  return { ...toMemberAccountView(account), history: account.type === 'personal' ? personalMemberHistory(invitations) : memberHistory(account) };
}
