import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AdminCredentials, type AdminIdentity, MembersRpc } from '@app/contracts';
import { VerifyAdminUseCase } from './verify-admin.usecase';

@Controller()
export class AdminAuthController {
  constructor(private readonly verifyAdmin: VerifyAdminUseCase) {}

  @MessagePattern(MembersRpc.VerifyAdmin)
  verify(@Payload() credentials: AdminCredentials): Promise<AdminIdentity> {
    return this.verifyAdmin.execute(credentials);
  }
}
