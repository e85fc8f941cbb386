import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ActivateAccountUseCase } from './activate-account.usecase';
import { ActivationTokenResolver } from './activation-token-resolver';
import { ActivationController } from './activation.controller';
import { IssueActivationLinksUseCase } from './issue-activation-links.usecase';
import { ActivationToken, ActivationTokenSchema, ActivationTokenUse, ActivationTokenUseSchema } from './persistence/activation-token.schema';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';
import { ResendActivationEmailUseCase } from './resend-activation-email.usecase';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ActivationToken.name, schema: ActivationTokenSchema },
      { name: ActivationTokenUse.name, schema: ActivationTokenUseSchema },
    ]),
    AccountsModule,
    OrganizationsModule,
  ],
  controllers: [ActivationController],
  providers: [ActivationTokensRepository, ActivationTokenResolver, IssueActivationLinksUseCase, ActivateAccountUseCase, ResendActivationEmailUseCase],
})
export class ActivationModule {}
