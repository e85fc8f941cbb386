import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type DeletedMember,
  DeletePersonalAccountCommand,
  InvitationCommand,
  type InvitationView,
  InviteByAccountNameCommand,
  ListInvitationsCommand,
  type MemberIdentity,
  MembersRpc,
  type Page,
  PersonCommand,
  PersonInvitationCommand,
  type ReceivedInvitationView,
} from '@app/contracts';
import { AcceptInvitationUseCase } from './accept-invitation.usecase';
import { CancelInvitationUseCase } from './cancel-invitation.usecase';
import { DeclineInvitationUseCase } from './decline-invitation.usecase';
import { DeletePersonalAccountUseCase } from './delete-personal-account.usecase';
import { InvitationQueries } from './invitation-queries';
import { InviteByAccountNameUseCase } from './invite-by-account-name.usecase';
import { LeaveOrganizationUseCase } from './leave-organization.usecase';
import { ReceivedInvitations } from './received-invitations';
import { ResendInvitationUseCase } from './resend-invitation.usecase';

/** The admin's invitations (tenant-scoped) and the invited person's answers, leaving and account deletion (the person's own). */
@Controller()
export class InvitationsController {
  constructor(
    private readonly queries: InvitationQueries,
    private readonly inviting: InviteByAccountNameUseCase,
    private readonly resending: ResendInvitationUseCase,
    private readonly cancelling: CancelInvitationUseCase,
    private readonly received: ReceivedInvitations,
    private readonly accepting: AcceptInvitationUseCase,
    private readonly declining: DeclineInvitationUseCase,
    private readonly leaving: LeaveOrganizationUseCase,
    private readonly deleting: DeletePersonalAccountUseCase,
  ) {}

  @MessagePattern(MembersRpc.ListInvitations)
  list(@Payload() command: ListInvitationsCommand): Promise<Page<InvitationView>> {
    return this.queries.list(command);
  }

  @MessagePattern(MembersRpc.GetInvitation)
  get(@Payload() command: InvitationCommand): Promise<InvitationView> {
    return this.queries.get(command);
  }

  @MessagePattern(MembersRpc.InviteByAccountName)
  invite(@Payload() command: InviteByAccountNameCommand): Promise<InvitationView> {
    return this.inviting.execute(command);
  }

  @MessagePattern(MembersRpc.ResendInvitation)
  resend(@Payload() command: InvitationCommand): Promise<InvitationView> {
    return this.resending.execute(command);
  }

  @MessagePattern(MembersRpc.CancelInvitation)
  cancel(@Payload() command: InvitationCommand): Promise<InvitationView> {
    return this.cancelling.execute(command);
  }

  @MessagePattern(MembersRpc.ListReceivedInvitations)
  listReceived(@Payload() command: PersonCommand): Promise<{ items: ReceivedInvitationView[] }> {
    return this.received.list(command);
  }

  @MessagePattern(MembersRpc.GetReceivedInvitation)
  getReceived(@Payload() command: PersonInvitationCommand): Promise<ReceivedInvitationView> {
    return this.received.get(command);
  }

  @MessagePattern(MembersRpc.AcceptInvitation)
  accept(@Payload() command: PersonInvitationCommand): Promise<MemberIdentity> {
    return this.accepting.execute(command);
  }

  @MessagePattern(MembersRpc.DeclineInvitation)
  decline(@Payload() command: PersonInvitationCommand): Promise<ReceivedInvitationView> {
    return this.declining.execute(command);
  }

  @MessagePattern(MembersRpc.LeaveOrganization)
  leave(@Payload() command: PersonCommand): Promise<MemberIdentity> {
    return this.leaving.execute(command);
  }

  @MessagePattern(MembersRpc.DeletePersonalAccount)
  deletePersonalAccount(@Payload() command: DeletePersonalAccountCommand): Promise<DeletedMember> {
    return this.deleting.execute(command);
  }
}
