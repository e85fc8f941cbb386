import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountEventsOutbox } from './account-events.outbox';
import { AccountsController } from './accounts.controller';
import { Account, AccountSchema } from './persistence/account.schema';
import { AccountsRepository } from './persistence/accounts.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: Account.name, schema: AccountSchema }])],
  controllers: [AccountsController],
  providers: [AccountsRepository, AccountEventsOutbox],
  exports: [AccountsRepository, AccountEventsOutbox],
})
export class AccountsModule {}
