import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode, type MemberAccountView, MembersRpc, type ReceivedInvitationView } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { MemberAccessTokenResponse } from '../auth/dto/access-token-response.dto';
import { MemberAuthGuard } from '../auth/member-auth.guard';
import { CurrentMember } from '../auth/member-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { AcceptInvitationUseCase } from './accept-invitation.usecase';
import { DeletePersonalAccountUseCase } from './delete-personal-account.usecase';
import { DeletePersonalAccountRequest } from './dto/delete-personal-account.request';
import { ReceivedInvitationResponse, ReceivedInvitationsResponse } from './dto/received-invitation.response';
import { LeaveOrganizationUseCase } from './leave-organization.usecase';
import { PersonalAccountGuard } from './personal-account.guard';

const INVITATION_ID = new UuidParam('This invitation');

/** What a person does with their own personal account: answer invitations, leave the organization, delete the account. */
@ApiTags('member')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.NotAPersonalAccount, ErrorCode.ServiceUnavailable)
@UseGuards(MemberAuthGuard, PersonalAccountGuard)
@Controller('api/v1/account')
export class PersonalMembershipController {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly accept: AcceptInvitationUseCase,
    private readonly leave: LeaveOrganizationUseCase,
    private readonly deleteAccount: DeletePersonalAccountUseCase,
  ) {}

  @Get('invitations')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The invitations addressed to the signed-in personal account (a member token)',
    description: 'A business account’s token answers 403 `not_a_personal_account`.',
  })
  @ApiOkResponse({ type: ReceivedInvitationsResponse })
  received(@CurrentMember() member: MemberAccountView): Promise<{ items: ReceivedInvitationView[] }> {
    return this.members.send(MembersRpc.ListReceivedInvitations, { memberId: member.id });
  }

  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Accept an invitation: the account becomes a member of the organization, and a new token answers',
    description:
      'The token used ends (the session now names the organization): use the one answered. An invitation of another account answers 404; one past its expiry 410 `invitation_expired`, even before it shows `expired`; a member of an organization must leave it first (409 `already_in_an_organization`). Publishes `MemberJoined`.',
  })
  @ApiOkResponse({ type: MemberAccessTokenResponse })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.InvitationNotPending, ErrorCode.AlreadyInAnOrganization, ErrorCode.InvitationExpired)
  acceptInvitation(@CurrentMember() member: MemberAccountView, @Param('invitationId', INVITATION_ID) invitationId: string): Promise<MemberAccessTokenResponse> {
    return this.accept.execute(member.id, invitationId);
  }

  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation', description: 'The organization sees it `declined`. Publishes `InvitationDeclined`.' })
  @ApiOkResponse({ type: ReceivedInvitationResponse, description: 'The invitation, `declined`' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.InvitationNotPending, ErrorCode.InvitationExpired)
  declineInvitation(@CurrentMember() member: MemberAccountView, @Param('invitationId', INVITATION_ID) invitationId: string): Promise<ReceivedInvitationView> {
    return this.members.send(MembersRpc.DeclineInvitation, { memberId: member.id, invitationId });
  }

  @Post('leave')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Leave the organization: the account stays the person’s own, and a new token answers',
    description: 'The token used ends: use the one answered. Publishes `MemberRemoved` with `reason: left`.',
  })
  @ApiOkResponse({ type: MemberAccessTokenResponse })
  @ApiErrorResponses(ErrorCode.NotInAnOrganization)
  leaveOrganization(@CurrentMember() member: MemberAccountView): Promise<MemberAccessTokenResponse> {
    return this.leave.execute(member);
  }

  @Delete()
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({
    summary: 'Delete the signed-in personal account for good, confirmed by its password',
    description:
      'The password is checked as at sign-in, under the same lockout. A member of an organization leaves it first (`MemberRemoved` with `reason: account_deleted`); every session ends.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.InvalidCredentials, ErrorCode.ValidationFailed, ErrorCode.TooManyAttempts)
  async delete(@CurrentMember() member: MemberAccountView, @Body() body: DeletePersonalAccountRequest): Promise<void> {
    await this.deleteAccount.execute(member, body.password);
  }
}
