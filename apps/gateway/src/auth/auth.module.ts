import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { RateLimitStoreModule } from '../rate-limits/rate-limit-store.module';
import { SharedThrottlerStorage } from '../rate-limits/shared-throttler-storage';
import { AccessTokens } from './access-tokens';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminLoginUseCase } from './admin-login.usecase';
import { AuthController } from './auth.controller';
import { ChangeMemberPasswordUseCase } from './change-member-password.usecase';
import { MemberAuthGuard } from './member-auth.guard';
import { MemberLoginController } from './member-login.controller';
import { MemberLoginUseCase } from './member-login.usecase';

@Global()
@Module({
  imports: [
    JwtModule.register({}),
    // Per-address limits counted in the database, so every gateway instance sees the same counts.
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [SharedThrottlerStorage],
      useFactory: (storage: SharedThrottlerStorage) => ({ throttlers: [{ name: 'default', limit: 120, ttl: 60_000 }], storage }),
    }),
  ],
  controllers: [AuthController, MemberLoginController],
  providers: [AccessTokens, AdminAuthGuard, MemberAuthGuard, AdminLoginUseCase, MemberLoginUseCase, ChangeMemberPasswordUseCase],
  exports: [AccessTokens, AdminAuthGuard, MemberAuthGuard, AdminLoginUseCase, MemberLoginUseCase, ChangeMemberPasswordUseCase],
})
export class AuthModule {}
