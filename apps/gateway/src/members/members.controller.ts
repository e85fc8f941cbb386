import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type MemberAccountView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { MembersQuery } from './dto/members-query.dto';

const MEMBER_ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('members')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/members')
export class MembersController {
  constructor(private readonly members: MembersRpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The business accounts of the organization' })
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: MembersQuery): Promise<Page<MemberAccountView>> {
    return this.members.send(MembersRpc.ListMembers, { ...admin, query });
  }

  @Get(':memberId')
  @ApiOperation({ summary: 'One business account' })
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
