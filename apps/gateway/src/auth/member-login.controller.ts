import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode } from '@app/contracts';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ChangeMemberPasswordUseCase } from './change-member-password.usecase';
import { MemberAccessTokenResponse } from './dto/access-token-response.dto';
import { MemberCredentials } from './dto/member-credentials.dto';
import { MemberPasswordChange } from './dto/member-password-change.dto';
import { MemberLoginUseCase } from './member-login.usecase';

@ApiTags('auth')
@Controller('api/v1/auth')
@UseGuards(ThrottlerGuard)
export class MemberLoginController {
  constructor(
    private readonly memberLogin: MemberLoginUseCase,
    private readonly changePassword: ChangeMemberPasswordUseCase,
  ) {}

  @Post('member-login')
  // A token must not rest in a cache between the server and the browser.
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({
    summary: 'Member sign-in with account name or email: a member bearer token (not accepted by the admin routes)',
    description:
      'An unknown login, a wrong password and an account not yet activated answer the same 401. The right password of an account whose admin set it answers 403 `password_change_required`: choose your own with `POST /api/v1/auth/member-password`.',
  })
  @ApiOkResponse({ type: MemberAccessTokenResponse })
  @ApiErrorResponses(
    ErrorCode.ValidationFailed,
    ErrorCode.InvalidCredentials,
    ErrorCode.PasswordChangeRequired,
    ErrorCode.TooManyAttempts,
    ErrorCode.ServiceUnavailable,
  )
  login(@Body() credentials: MemberCredentials): Promise<MemberAccessTokenResponse> {
    return this.memberLogin.execute(credentials);
  }

  @Post('member-password')
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({
    summary: "A member's new password, proven by the current one: ends every earlier session and answers a token of the new one",
    description:
      'How a member whose admin set the password chooses their own (the account becomes active), and how any member changes theirs. The current password is checked as at sign-in, under the same lockout.',
  })
  @ApiOkResponse({ type: MemberAccessTokenResponse })
  @ApiErrorResponses(ErrorCode.ValidationFailed, ErrorCode.WeakPassword, ErrorCode.InvalidCredentials, ErrorCode.TooManyAttempts, ErrorCode.ServiceUnavailable)
  memberPassword(@Body() change: MemberPasswordChange): Promise<MemberAccessTokenResponse> {
    return this.changePassword.execute(change);
  }
}
