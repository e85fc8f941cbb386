import type { MemberDetailView } from '@app/contracts';
import type { Account } from './account';
import { memberHistory } from './account-history';
import { toMemberAccountView } from './account-view';

/** A member as `GET /api/v1/members/:id` shows it: the account and its history, from the account document alone. */
export function toMemberDetailView(account: Account): MemberDetailView {
  return { ...toMemberAccountView(account), history: memberHistory(account) };
}
