import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListMembersCommand, type MemberAccountView, MembersRpc, type Page } from '@app/contracts';
import { ListMembersUseCase } from './list-members.usecase';

@Controller()
export class MemberListController {
  constructor(private readonly listMembers: ListMembersUseCase) {}

  @MessagePattern(MembersRpc.ListMembers)
  list(@Payload() command: ListMembersCommand): Promise<Page<MemberAccountView>> {
    return this.listMembers.execute(command);
  }
}
