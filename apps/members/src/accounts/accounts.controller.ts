import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MemberCommand, type MemberDetailView, MembersRpc } from '@app/contracts';
import { InvitationsRepository } from '../invitations/persistence/invitations.repository';
import { DomainError } from '../rpc/domain.error';
import { toMemberDetailView } from './member-detail-view';
import { AccountsRepository } from './persistence/accounts.repository';

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  @MessagePattern(MembersRpc.GetMember)
  async get(@Payload() command: MemberCommand): Promise<MemberDetailView> {
    const account = await this.accounts.findInOrganization(command.organizationId, command.memberId);
    if (!account) throw DomainError.notFound('This member');
    if (account.type !== 'personal') return toMemberDetailView(account);
    // A person has few invitations: theirs from this organization tell the member's history.
    const invitations = (await this.invitations.ofAccount(account._id)).filter((invitation) => invitation.organizationId === command.organizationId);
    return toMemberDetailView(account, invitations);
  }
}
