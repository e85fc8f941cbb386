import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberAccountView, type MemberSessionQuery } from '@app/contracts';
import { toMemberAccountView } from '../accounts/account-view';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DomainError } from '../rpc/domain.error';

/**
 * Whether a member token still opens a session, asked each time one is used: the account exists,
 * is active, and its session version is the token's (a password change or activation moves it on).
 */
@Injectable()
export class MemberSessionUseCase {
  constructor(private readonly accounts: AccountsRepository) {}

  async execute(query: MemberSessionQuery): Promise<MemberAccountView> {
    const account = await this.accounts.findInOrganization(query.organizationId, query.memberId);
    // Suspension moves the version on too; the status is checked as well, for a token issued while it was being written.
    if (!account?.activatedAt || account.status === 'suspended' || (account.sessionVersion ?? 0) !== query.sessionVersion) {
      throw new DomainError(ErrorCode.Unauthorized, 'This session has ended: sign in again.');
    }
    return toMemberAccountView(account);
  }
}
