import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberIdentity, type PersonCommand } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { MembershipEnding } from '../member-lifecycle/member-events/membership-ending';
import { memberIdentity } from '../member-sign-in/member-credentials-check';
import { DomainError } from '../rpc/domain.error';

/**
 * A personal member leaves its organization (`MemberRemoved`, `left`); 409 `not_in_an_organization`
 * when it is in none. Answers the identity in no organization: the gateway issues a token for it.
 */
@Injectable()
export class LeaveOrganizationUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly memberships: MembershipEnding,
  ) {}

  async execute(command: PersonCommand): Promise<MemberIdentity> {
    const account = await this.accounts.findById(command.memberId);
    if (!account) throw DomainError.notFound('This account');
    if (account.type !== 'personal') throw new DomainError(ErrorCode.NotAPersonalAccount, 'A business account belongs to its organization: it cannot leave it.');
    const left = await this.memberships.end(account, null, 'left', null);
    if (!left) throw new DomainError(ErrorCode.NotInAnOrganization, 'You are not a member of any organization.');
    return memberIdentity(left);
  }
}
