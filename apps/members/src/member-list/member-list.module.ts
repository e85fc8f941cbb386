import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BatchPersistenceModule } from '../member-batches/persistence/batch-persistence.module';
import { MigrationsModule } from '../migrations/migrations.module';
import { AccountChunksBackfill } from './account-chunks.backfill';
import { ListMembersUseCase } from './list-members.usecase';
import { MemberListController } from './member-list.controller';
import { SearchKeysBackfill } from './search-keys.backfill';
import { StatusCountsMigration } from './status-counts.migration';
import { StatusCountsOfChunks } from './status-counts-of-chunks';

/** The organization's members as the admin pages through them. */
@Module({
  imports: [AccountsModule, BatchPersistenceModule, MigrationsModule],
  controllers: [MemberListController],
  providers: [ListMembersUseCase, AccountChunksBackfill, SearchKeysBackfill, StatusCountsMigration, StatusCountsOfChunks],
})
export class MemberListModule {}
