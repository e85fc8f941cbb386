import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { SignUpThrottlerGuard } from './sign-up-throttler.guard';
import { SignUpUseCase } from './sign-up.usecase';

/** Personal accounts over the API; the sign-up page uses the same use case and limit. */
@Module({
  controllers: [AccountsController],
  providers: [SignUpUseCase, SignUpThrottlerGuard],
  exports: [SignUpUseCase, SignUpThrottlerGuard],
})
export class PersonalAccountsModule {}
