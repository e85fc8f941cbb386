import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MemberCredentials, type MemberIdentity, MembersRpc } from '@app/contracts';
import { VerifyMemberUseCase } from './verify-member.usecase';

@Controller()
export class MemberAuthController {
  constructor(private readonly verifyMember: VerifyMemberUseCase) {}

  @MessagePattern(MembersRpc.VerifyMember)
  verify(@Payload() credentials: MemberCredentials): Promise<MemberIdentity> {
    return this.verifyMember.execute(credentials);
  }
}
