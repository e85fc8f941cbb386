import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActivationModule } from '../activation/activation.module';
import { AccountNameSuggestions } from './account-name-suggestions';
import { EmailVerificationUseCase } from './email-verification.usecase';
import { IssueVerificationLinksUseCase } from './issue-verification-links.usecase';
import { PersonalAccountsController } from './personal-accounts.controller';
import { SignUpMails } from './sign-up-mails';
import { SignUpUseCase } from './sign-up.usecase';

/** Personal accounts: anyone's sign-up, and the verification of its address. */
@Module({
  imports: [AccountsModule, ActivationModule],
  controllers: [PersonalAccountsController],
  providers: [AccountNameSuggestions, SignUpMails, SignUpUseCase, EmailVerificationUseCase, IssueVerificationLinksUseCase],
})
export class PersonalAccountsModule {}
