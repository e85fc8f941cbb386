import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type DeletedMember, MemberCommand, type MemberDetailView, MembersRpc } from '@app/contracts';
import { ChangeMemberStatusUseCase } from './change-member-status.usecase';
import { DeleteMemberUseCase } from './delete-member.usecase';

@Controller()
export class MemberLifecycleController {
  constructor(
    private readonly status: ChangeMemberStatusUseCase,
    private readonly deletion: DeleteMemberUseCase,
  ) {}

  @MessagePattern(MembersRpc.SuspendMember)
  suspend(@Payload() command: MemberCommand): Promise<MemberDetailView> {
    return this.status.suspend(command);
  }

  @MessagePattern(MembersRpc.ReactivateMember)
  reactivate(@Payload() command: MemberCommand): Promise<MemberDetailView> {
    return this.status.reactivate(command);
  }

  @MessagePattern(MembersRpc.DeleteMember)
  delete(@Payload() command: MemberCommand): Promise<DeletedMember> {
    return this.deletion.execute(command);
  }
}
