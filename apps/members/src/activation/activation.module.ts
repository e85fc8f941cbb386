import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountActivation } from './account-activation';
import { ActivateAccountUseCase } from './activate-account.usecase';
import { ActivationTokenResolver } from './activation-token-resolver';
import { ActivationController } from './activation.controller';
import { IssueActivationLinksUseCase } from './issue-activation-links.usecase';
import { ActivationClaimDocument, ActivationClaimSchema } from './persistence/activation-claim.schema';
import { ActivationClaimsRepository } from './persistence/activation-claims.repository';
import { ActivationToken, ActivationTokenSchema } from './persistence/activation-token.schema';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';
import { ResendActivationEmailUseCase } from './resend-activation-email.usecase';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ActivationToken.name, schema: ActivationTokenSchema },
      { name: ActivationClaimDocument.name, schema: ActivationClaimSchema },
    ]),
    AccountsModule,
    OrganizationsModule,
  ],
  controllers: [ActivationController],
  providers: [
    ActivationTokensRepository,
    ActivationClaimsRepository,
    ActivationTokenResolver,
    AccountActivation,
    IssueActivationLinksUseCase,
    ActivateAccountUseCase,
    ResendActivationEmailUseCase,
  ],
  exports: [AccountActivation, ActivationTokensRepository, ActivationClaimsRepository],
})
export class ActivationModule {}
