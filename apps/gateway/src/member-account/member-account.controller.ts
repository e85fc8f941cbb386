import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type MemberAccountView } from '@app/contracts';
import { MemberAuthGuard } from '../auth/member-auth.guard';
import { CurrentMember } from '../auth/member-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { MemberAccountResponse } from '../members/dto/member-account.response';

/** What a signed-in member may see: their own account. */
@ApiTags('member')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard)
@Controller('api/v1/me')
export class MemberAccountController {
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "The signed-in member's own account (a member token)",
    description: 'A token issued before the member last changed their password, or before activation, answers 401.',
  })
  @ApiOkResponse({ type: MemberAccountResponse })
  @ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
  me(@CurrentMember() member: MemberAccountView): MemberAccountView {
    return member;
  }
}
