import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit-log/audit-trail.module';
import { AcceptInvitationUseCase } from './accept-invitation.usecase';
import { DeletePersonalAccountUseCase } from './delete-personal-account.usecase';
import { LeaveOrganizationUseCase } from './leave-organization.usecase';
import { PersonalAccountGuard } from './personal-account.guard';
import { PersonalMembershipController } from './personal-membership.controller';

/** A person's own personal account over the API: invitations received, leaving, deletion; the pages use the same use cases. */
@Module({
  imports: [AuditTrailModule],
  controllers: [PersonalMembershipController],
  providers: [AcceptInvitationUseCase, LeaveOrganizationUseCase, DeletePersonalAccountUseCase, PersonalAccountGuard],
  exports: [AcceptInvitationUseCase, LeaveOrganizationUseCase, DeletePersonalAccountUseCase],
})
export class PersonalMembershipModule {}
