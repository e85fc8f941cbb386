import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChangeMemberPasswordCommand, type MemberAccountView, MemberCredentials, type MemberIdentity, MembersRpc, MemberSessionQuery } from '@app/contracts';
import { ChangeMemberPasswordUseCase } from './change-member-password.usecase';
import { MemberSessionUseCase } from './member-session.usecase';
import { VerifyMemberUseCase } from './verify-member.usecase';

@Controller()
export class MemberSignInController {
  constructor(
    private readonly verifyMember: VerifyMemberUseCase,
    private readonly changePassword: ChangeMemberPasswordUseCase,
    private readonly session: MemberSessionUseCase,
  ) {}

  @MessagePattern(MembersRpc.VerifyMember)
  verify(@Payload() credentials: MemberCredentials): Promise<MemberIdentity> {
    return this.verifyMember.execute(credentials);
  }

  @MessagePattern(MembersRpc.ChangeMemberPassword)
  change(@Payload() command: ChangeMemberPasswordCommand): Promise<MemberIdentity> {
    return this.changePassword.execute(command);
  }

  @MessagePattern(MembersRpc.GetMemberSession)
  sessionOf(@Payload() query: MemberSessionQuery): Promise<MemberAccountView> {
    return this.session.execute(query);
  }
}
