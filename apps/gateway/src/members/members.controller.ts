import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type MemberAccountView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiPageResponse } from '../http/api-page-response.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { MemberAccountResponse } from './dto/member-account.response';
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
  @ApiOperation({ summary: 'The business accounts of the organization' })
  @ApiPageResponse(MemberAccountResponse, 'A page of members, in the order batches created them')
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: MembersQuery): Promise<Page<MemberAccountView>> {
    return this.members.send(MembersRpc.ListMembers, { ...admin, query });
  }

  @Get(':memberId')
  @ApiOperation({ summary: 'One business account' })
  @ApiOkResponse({ type: MemberAccountResponse })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<MemberAccountView> {
    return this.members.send(MembersRpc.GetMember, { ...admin, memberId });
  }

  @Post(':memberId/activation-email')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a pending member a new activation email',
    description: 'The previous activation link stops working at once; the new one is mailed shortly after.',
  })
  @ApiAcceptedResponse({ schema: { type: 'object', required: ['queued'], properties: { queued: { type: 'boolean', enum: [true] } } } })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.AlreadyActive)
  resendActivationEmail(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', MEMBER_ID) memberId: string): Promise<{ queued: true }> {
    return this.members.send(MembersRpc.ResendActivationEmail, { ...admin, memberId });
  }
}
