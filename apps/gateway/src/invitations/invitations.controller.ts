import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type InvitationView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiPageResponse } from '../http/api-page-response.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { InvitationResponse } from './dto/invitation.response';
import { InvitationsQuery } from './dto/invitations-query.dto';
import { InviteByAccountNameRequest } from './dto/invite-by-account-name.request';

const INVITATION_ID = new UuidParam('This invitation');

/** The organization's invitations of personal accounts: list, invite by account name, resend, cancel. */
@ApiTags('invitations')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/invitations')
export class InvitationsController {
  constructor(private readonly members: MembersRpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The organization’s invitations, newest first',
    description: 'Invitations made by committing a batch (rows whose address belongs to a verified personal account) and by account name; `status` filters them.',
  })
  @ApiPageResponse(InvitationResponse, 'A page of invitations, newest first')
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: InvitationsQuery): Promise<Page<InvitationView>> {
    return this.members.send(MembersRpc.ListInvitations, { ...admin, query });
  }

  @Get(':invitationId')
  @ApiOperation({ summary: 'One invitation of the organization' })
  @ApiOkResponse({ type: InvitationResponse })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(@CurrentAdmin() admin: AdminPrincipal, @Param('invitationId', INVITATION_ID) invitationId: string): Promise<InvitationView> {
    return this.members.send(MembersRpc.GetInvitation, { ...admin, invitationId });
  }

  @Post()
  @ApiOperation({
    summary: 'Invite a personal account by its account name',
    description:
      'The account must be a verified personal account in no organization. The person gets a mail (in their language) with a link to accept or decline, valid `INVITATION_TTL_HOURS`; accepting makes them a member. Publishes `MemberInvited`.',
  })
  @ApiCreatedResponse({ type: InvitationResponse, description: 'The invitation, `pending`' })
  @ApiErrorResponses(
    ErrorCode.ValidationFailed,
    ErrorCode.NotFound,
    ErrorCode.NotAPersonalAccount,
    ErrorCode.PersonalAccountUnverified,
    ErrorCode.AlreadyMember,
    ErrorCode.AlreadyInAnOrganization,
    ErrorCode.MemberOfAnotherOrganization,
    ErrorCode.InvitationPending,
  )
  invite(@CurrentAdmin() admin: AdminPrincipal, @Body() body: InviteByAccountNameRequest): Promise<InvitationView> {
    return this.members.send(MembersRpc.InviteByAccountName, { ...admin, accountName: body.accountName });
  }

  @Post(':invitationId/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the invitation mail again', description: 'Only while the invitation is pending; its expiry does not move. The mail leaves shortly after.' })
  @ApiAcceptedResponse({ type: InvitationResponse, description: 'The invitation, with its new `lastSentAt`' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.InvitationNotPending, ErrorCode.InvitationExpired, ErrorCode.MemberDeleted)
  resend(@CurrentAdmin() admin: AdminPrincipal, @Param('invitationId', INVITATION_ID) invitationId: string): Promise<InvitationView> {
    return this.members.send(MembersRpc.ResendInvitation, { ...admin, invitationId });
  }

  @Delete(':invitationId')
  @ApiOperation({ summary: 'Cancel a pending invitation', description: 'Its link stops working at once. Publishes `InvitationCancelled`.' })
  @ApiOkResponse({ type: InvitationResponse, description: 'The invitation, `cancelled`' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.InvitationNotPending)
  cancel(@CurrentAdmin() admin: AdminPrincipal, @Param('invitationId', INVITATION_ID) invitationId: string): Promise<InvitationView> {
    return this.members.send(MembersRpc.CancelInvitation, { ...admin, invitationId });
  }
}
