import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActivationModule } from '../activation/activation.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { MemberEventsModule } from '../member-lifecycle/member-events/member-events.module';
import { MemberCredentialsCheck } from '../member-sign-in/member-credentials-check';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SignInAttemptsModule } from '../sign-in-attempts/sign-in-attempts.module';
import { AcceptInvitationUseCase } from './accept-invitation.usecase';
import { CancelInvitationUseCase } from './cancel-invitation.usecase';
import { DeclineInvitationUseCase } from './decline-invitation.usecase';
import { DeletePersonalAccountUseCase } from './delete-personal-account.usecase';
import { InvitationExpirySweep } from './invitation-expiry.sweep';
import { InvitationIssuance } from './invitation-issuance';
import { InvitationIssuer } from './invitation-issuer';
import { InvitationQueries } from './invitation-queries';
import { InvitationsController } from './invitations.controller';
import { InviteByAccountNameUseCase } from './invite-by-account-name.usecase';
import { LeaveOrganizationUseCase } from './leave-organization.usecase';
import { InvitationsPersistenceModule } from './persistence/invitations-persistence.module';
import { ReceivedInvitations } from './received-invitations';
import { ResendInvitationUseCase } from './resend-invitation.usecase';

/**
 * Invitations of personal accounts (`invitations`) and the memberships they lead to
 * (`memberships`): the admin's list, invitation by account name, resend and cancel; the person's
 * answers, leaving and deleting their own account; the expiry sweep; and the InvitationIssuer a
 * batch's commit uses. Events go through the member events' outbox (MemberEventsModule).
 */
@Module({
  imports: [InvitationsPersistenceModule, AccountsModule, ActivationModule, CredentialsModule, SignInAttemptsModule, OrganizationsModule, MemberEventsModule],
  controllers: [InvitationsController],
  providers: [
    InvitationIssuance,
    InvitationIssuer,
    InvitationQueries,
    InviteByAccountNameUseCase,
    ResendInvitationUseCase,
    CancelInvitationUseCase,
    ReceivedInvitations,
    AcceptInvitationUseCase,
    DeclineInvitationUseCase,
    LeaveOrganizationUseCase,
    DeletePersonalAccountUseCase,
    MemberCredentialsCheck,
    InvitationExpirySweep,
  ],
  exports: [InvitationIssuer],
})
export class InvitationsModule {}
