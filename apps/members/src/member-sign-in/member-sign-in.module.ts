import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActivationModule } from '../activation/activation.module';
import { SignInAttemptsModule } from '../sign-in-attempts/sign-in-attempts.module';
import { ChangeMemberPasswordUseCase } from './change-member-password.usecase';
import { MemberCredentialsCheck } from './member-credentials-check';
import { MemberSessionUseCase } from './member-session.usecase';
import { MemberSignInController } from './member-sign-in.controller';
import { VerifyMemberUseCase } from './verify-member.usecase';

/** Member sign-in, password change and the check of member sessions. */
@Module({
  imports: [AccountsModule, ActivationModule, SignInAttemptsModule],
  controllers: [MemberSignInController],
  providers: [MemberCredentialsCheck, VerifyMemberUseCase, ChangeMemberPasswordUseCase, MemberSessionUseCase],
})
export class MemberSignInModule {}
