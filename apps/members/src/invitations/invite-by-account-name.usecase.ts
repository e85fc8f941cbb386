import { Injectable } from '@nestjs/common';
import { ErrorCode, type InvitationView, type InviteByAccountNameCommand } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { deterministicUuid } from '../persistence/deterministic-uuid';
import { DomainError } from '../rpc/domain.error';
import { toInvitationView } from './domain/invitation-view';
import { InvitationIssuance } from './invitation-issuance';
import { invitationRefusal } from './invitation-issuer';
import { InvitationsRepository } from './persistence/invitations.repository';

/**
 * An admin invites a personal account by its account name: a verified personal account in no
 * organization, not already invited by this organization (409 `invitation_pending`). A name no
 * account has answers 404; a business account's, `not_a_personal_account`; otherwise
 * `personal_account_unverified`, `already_member`, or `already_in_an_organization` for another's
 * member (a batch row of that address gets `member_of_another_organization`).
 */
@Injectable()
export class InviteByAccountNameUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly issuance: InvitationIssuance,
  ) {}

  async execute(command: InviteByAccountNameCommand): Promise<InvitationView> {
    const account = await this.accounts.findByAccountName(command.accountName.trim().toLowerCase());
    if (!account) throw DomainError.notFound('An account with this name');
    const problem = invitationRefusal(account, command.organizationId);
    if (problem?.code === ErrorCode.NotAPersonalAccount) throw new DomainError(ErrorCode.NotAPersonalAccount, 'This account is a business account: only personal accounts are invited.');
    // The person must leave the other organization before joining this one.
    if (problem?.code === ErrorCode.MemberOfAnotherOrganization) throw new DomainError(ErrorCode.AlreadyInAnOrganization, 'This personal account is a member of another organization.');
    if (problem) throw new DomainError(problem.code as ErrorCode, problem.message);
    // Numbered by how many this organization wrote for the account, counted before looking for a
    // pending one: of two requests at once (FerretDB has no locks), either the later one counts
    // after the earlier one's insert and then finds it pending, or both pick the same id and the
    // unique insert lets one through.
    const earlierInvitations = await this.invitations.countFor(command.organizationId, account._id);
    const pending = () => new DomainError(ErrorCode.InvitationPending, 'This personal account already has a pending invitation from the organization.');
    if (await this.invitations.pendingFor(command.organizationId, account._id)) throw pending();
    const organization = await this.organizations.findById(command.organizationId);
    if (!organization) throw DomainError.notFound('This organization');
    const invitation = await this.issuance.issueOnce({
      invitationId: deterministicUuid(`invitation:${command.organizationId}:${account._id}:${earlierInvitations}`),
      account,
      organizationId: command.organizationId,
      organizationName: organization.name,
      adminId: command.adminId,
      batchId: null,
    });
    if (!invitation) throw pending();
    return toInvitationView(invitation);
  }
}
