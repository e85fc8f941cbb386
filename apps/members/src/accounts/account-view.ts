import type { MemberAccountView } from '@app/contracts';
import type { Account } from './account';

export function toMemberAccountView(account: Account): MemberAccountView {
  return {
    id: account._id,
    email: account.email,
    accountName: account.accountName,
    firstName: account.firstName,
    lastName: account.lastName,
    type: account.type ?? 'business',
    status: account.status,
    mustChangePassword: account.mustChangePassword,
    credit: { amount: 0, currency: 'EUR' },
    subscriptions: [],
    numbers: [],
    organizationId: account.organizationId,
    createdAt: account.createdAt.toISOString(),
  };
}
