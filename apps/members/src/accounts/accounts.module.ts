import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsController } from './accounts.controller';
import { MemberAuthController } from './member-auth.controller';
import { Account, AccountSchema } from './persistence/account.schema';
import { AccountsRepository } from './persistence/accounts.repository';
import { VerifyMemberUseCase } from './verify-member.usecase';

@Module({
  imports: [MongooseModule.forFeature([{ name: Account.name, schema: AccountSchema }])],
  controllers: [AccountsController, MemberAuthController],
  providers: [AccountsRepository, VerifyMemberUseCase],
  exports: [AccountsRepository],
})
export class AccountsModule {}
