import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type MemberAccountView, MembersQuery, MembersRpc, type Page } from '@app/contracts';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { MembersClient } from '../members-client/members-client';

@ApiTags('members')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/members')
export class MembersController {
  constructor(private readonly members: MembersClient) {}

  @Get()
  @ApiOperation({ summary: 'The business accounts of the organization' })
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: MembersQuery): Promise<Page<MemberAccountView>> {
    return this.members.send(MembersRpc.ListMembers, { ...admin, query });
  }

  @Get(':memberId')
  @ApiOperation({ summary: 'One business account' })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('memberId', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 })) memberId: string,
  ): Promise<MemberAccountView> {
    return this.members.send(MembersRpc.GetMember, { ...admin, memberId });
  }
}
