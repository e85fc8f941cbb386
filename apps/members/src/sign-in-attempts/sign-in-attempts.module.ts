import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SignInAttempt, SignInAttemptSchema } from './persistence/sign-in-attempt.schema';
import { SignInAttemptsRepository } from './persistence/sign-in-attempts.repository';
import { SignInLockout } from './sign-in-lockout';

/** The per-account lockout shared by admin and member sign-in. */
@Module({
  imports: [MongooseModule.forFeature([{ name: SignInAttempt.name, schema: SignInAttemptSchema }])],
  providers: [SignInAttemptsRepository, SignInLockout],
  exports: [SignInLockout],
})
export class SignInAttemptsModule {}
