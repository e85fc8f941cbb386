import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessTokens } from './access-tokens';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminLoginUseCase } from './admin-login.usecase';
import { AuthController } from './auth.controller';
import { LoginThrottle } from './login-throttle';
import { MemberLoginController } from './member-login.controller';
import { MemberLoginUseCase } from './member-login.usecase';
import { LoginFailure, LoginFailureSchema } from './persistence/login-failure.schema';
import { LoginFailuresRepository } from './persistence/login-failures.repository';

@Global()
@Module({
  imports: [
    JwtModule.register({}),
    ThrottlerModule.forRoot([{ name: 'default', limit: 120, ttl: 60_000 }]),
    MongooseModule.forFeature([{ name: LoginFailure.name, schema: LoginFailureSchema }]),
  ],
  controllers: [AuthController, MemberLoginController],
  providers: [AccessTokens, AdminAuthGuard, LoginFailuresRepository, LoginThrottle, AdminLoginUseCase, MemberLoginUseCase],
  exports: [AccessTokens, AdminAuthGuard, AdminLoginUseCase],
})
export class AuthModule {}
