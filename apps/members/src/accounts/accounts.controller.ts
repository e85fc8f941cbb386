import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MemberCommand, type MemberDetailView, MembersRpc } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { toMemberDetailView } from './member-detail-view';
import { AccountsRepository } from './persistence/accounts.repository';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsRepository) {}

  @MessagePattern(MembersRpc.GetMember)
  async get(@Payload() command: MemberCommand): Promise<MemberDetailView> {
    const account = await this.accounts.findInOrganization(command.organizationId, command.memberId);
    if (!account) throw DomainError.notFound('This member');
    return toMemberDetailView(account);
  }
}
