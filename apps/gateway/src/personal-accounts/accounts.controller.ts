import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@app/contracts';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { SignUpAcceptedResponse } from './dto/sign-up-accepted.response';
import { SignUpRequest } from './dto/sign-up.request';
import { SignUpThrottlerGuard } from './sign-up-throttler.guard';
import { SignUpUseCase } from './sign-up.usecase';

@ApiTags('accounts')
@Controller('api/v1/accounts')
@UseGuards(SignUpThrottlerGuard)
export class AccountsController {
  constructor(private readonly signUp: SignUpUseCase) {}

  @Post()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Anyone’s personal account: answers 202 and mails a link to verify the address',
    description:
      'No token needed. The account name and password follow the rules of business accounts (409 `account_name_taken` or 422 `invalid_account_name` with `suggestions` in `details`, 422 `weak_password`). Past those checks the answer is the same whether the address is new or already has an account: a new address gets a verification link, an address with an account gets a mail saying so. The account cannot sign in before its address is verified. Limited per address (`SIGN_UPS_PER_HOUR`, 429 `too_many_attempts`).',
  })
  @ApiAcceptedResponse({ type: SignUpAcceptedResponse })
  @ApiErrorResponses(
    ErrorCode.ValidationFailed,
    ErrorCode.InvalidEmail,
    ErrorCode.InvalidAccountName,
    ErrorCode.AccountNameTaken,
    ErrorCode.WeakPassword,
    ErrorCode.TooManyAttempts,
    ErrorCode.ServiceUnavailable,
  )
  create(@Body() request: SignUpRequest): Promise<SignUpAcceptedResponse> {
    return this.signUp.execute(request);
  }
}
