import { Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type MemberAccountView, type MemberDetailView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiPageResponse } from '../http/api-page-response.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { MemberAccountResponse } from './dto/member-account.response';
import { MemberDetailResponse } from './dto/member-detail.response';
import { MembersQuery } from './dto/members-query.dto';

const MEMBER_ID = new UuidParam('This member');

@ApiTags('members')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/members')
export class MembersController {
  constructor(private readonly members: MembersRpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The members of the organization',
    description: 'Pending, active and suspended members (deleted ones are gone). The personal members that joined first, newest first, then in the order batches created them; a filter or a search keeps that order.',
  })
  @ApiPageResponse(MemberAccountResponse, 'A page of members: personal members that joined first, then in the order batches created them')
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: MembersQuery): Promise<Page<MemberAccountView>> {
    return this.members.send(MembersRpc.ListMembers, { ...admin, query });
  }

  @Get(':memberId')
  @ApiOperation({ summary: 'One member, with the history of the account' })
  @ApiOkResponse({ type: MemberDetailResponse })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<MemberDetailView> {
    return this.members.send(MembersRpc.GetMember, { ...admin, memberId });
  }

  @Post(':memberId/suspension')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend a business account',
    description: 'It can no longer sign in (member sign-in answers 401 `invalid_credentials`, as for any unusable account), its sessions end at once and its activation links stop working. Publishes `MemberSuspended`.',
  })
  @ApiOkResponse({ type: MemberDetailResponse, description: 'The member, now `suspended`' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.AlreadySuspended, ErrorCode.MemberDeleted, ErrorCode.Conflict)
  suspend(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<MemberDetailView> {
    return this.members.send(MembersRpc.SuspendMember, { ...admin, memberId });
  }

  @Delete(':memberId/suspension')
  @ApiOperation({
    summary: 'Reactivate a suspended business account',
    description: 'Back to `active`, or to `pending_activation` if the member never activated (send a new activation email then: the earlier links ended with the suspension). Sessions ended by the suspension stay ended. Publishes `MemberReactivated`.',
  })
  @ApiOkResponse({ type: MemberDetailResponse, description: 'The member, `active` or `pending_activation` again' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.NotSuspended, ErrorCode.MemberDeleted, ErrorCode.Conflict)
  reactivate(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<MemberDetailView> {
    return this.members.send(MembersRpc.ReactivateMember, { ...admin, memberId });
  }

  @Delete(':memberId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a business account for good, or remove a personal member from the organization',
    description:
      'A business account: the address, names and password are erased; a tombstone names the account by id and account name only. The account name is given to no one else for 90 days; the address may be added again at once. Publishes `AccountDeleted`. A personal member (`type: personal`): it is removed from the organization and its account stays its owner’s, who may be invited again. Publishes `MemberRemoved` with `reason: removed_by_admin`.',
  })
  @ApiNoContentResponse({ description: 'Deleted, or removed from the organization' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.MemberDeleted, ErrorCode.Conflict)
  async delete(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<void> {
    await this.members.send(MembersRpc.DeleteMember, { ...admin, memberId });
  }

  @Post(':memberId/activation-email')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a pending member a new activation email',
    description: 'The previous activation link stops working at once; the new one is mailed shortly after.',
  })
  @ApiAcceptedResponse({ schema: { type: 'object', required: ['queued'], properties: { queued: { type: 'boolean', enum: [true] } } } })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.AlreadyActive, ErrorCode.MemberSuspended)
  resendActivationEmail(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<{ queued: true }> {
    return this.members.send(MembersRpc.ResendActivationEmail, { ...admin, memberId });
  }
}
