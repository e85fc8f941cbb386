import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MemberCommand, type MemberAccountView, MembersRpc } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { toMemberAccountView } from './account-view';
import { AccountsRepository } from './persistence/accounts.repository';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsRepository) {}

  @MessagePattern(MembersRpc.GetMember)
  async get(@Payload() command: MemberCommand): Promise<MemberAccountView> {
    const account = await this.accounts.findInOrganization(command.organizationId, command.memberId);
    if (!account) throw DomainError.notFound('This member');
    return toMemberAccountView(account);
  }
}
