import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode } from '@app/contracts';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { MemberAccessTokenResponse } from './dto/access-token-response.dto';
import { MemberCredentials } from './dto/member-credentials.dto';
import { MemberLoginUseCase } from './member-login.usecase';

@ApiTags('auth')
@Controller('api/v1/auth')
@UseGuards(ThrottlerGuard)
export class MemberLoginController {
  constructor(private readonly memberLogin: MemberLoginUseCase) {}

  @Post('member-login')
  // A token must not rest in a cache between the server and the browser.
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({
    summary: 'Member sign-in with account name or email: a member bearer token (not accepted by the admin routes)',
  })
  @ApiOkResponse({ type: MemberAccessTokenResponse })
  @ApiErrorResponses(
    ErrorCode.ValidationFailed,
    ErrorCode.InvalidCredentials,
    ErrorCode.ActivationRequired,
    ErrorCode.TooManyAttempts,
    ErrorCode.ServiceUnavailable,
  )
  login(@Body() credentials: MemberCredentials): Promise<MemberAccessTokenResponse> {
    return this.memberLogin.execute(credentials);
  }
}
