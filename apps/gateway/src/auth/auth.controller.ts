import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode } from '@app/contracts';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { AdminLoginUseCase } from './admin-login.usecase';
import { AccessTokenResponse } from './dto/access-token-response.dto';
import { AdminCredentials } from './dto/admin-credentials.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(private readonly adminLogin: AdminLoginUseCase) {}

  @Post('login')
  // A token must not rest in a cache between the server and the browser.
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({ summary: 'Admin sign-in: a bearer token for the /api/v1 routes' })
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiErrorResponses(ErrorCode.ValidationFailed, ErrorCode.InvalidCredentials, ErrorCode.TooManyAttempts)
  login(@Body() credentials: AdminCredentials): Promise<AccessTokenResponse> {
    return this.adminLogin.execute(credentials);
  }
}
