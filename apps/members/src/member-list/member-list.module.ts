import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MemberBatchesModule } from '../member-batches/member-batches.module';
import { MigrationsModule } from '../migrations/migrations.module';
import { AccountChunksBackfill } from './account-chunks.backfill';
import { ListMembersUseCase } from './list-members.usecase';
import { MemberListController } from './member-list.controller';

/** The organization's members as the admin pages through them. */
@Module({
  imports: [AccountsModule, MemberBatchesModule, MigrationsModule],
  controllers: [MemberListController],
  providers: [ListMembersUseCase, AccountChunksBackfill],
})
export class MemberListModule {}
