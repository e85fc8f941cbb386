import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountEventsOutbox } from './account-events.outbox';
import { AccountEventsPublisher } from './account-events.publisher';
import { AccountEventsOutboxEntry, AccountEventsOutboxEntrySchema } from './persistence/account-events-outbox.schema';
import { AccountEventsOutboxRepository } from './persistence/account-events-outbox.repository';
import { BatchEventsOutbox } from './batch-events.outbox';
import { ChunkSnapshot, ChunkSnapshotSchema } from './persistence/chunk-snapshot.schema';
import { ChunkSnapshotsRepository } from './persistence/chunk-snapshots.repository';
import { CommitResult, CommitResultSchema } from './persistence/commit-result.schema';
import { CommitResultsRepository } from './persistence/commit-results.repository';
import { BatchLookup } from './batch-lookup';
import { BatchProgressReader } from './batch-progress';
import { BatchQueries } from './batch-queries';
import { BatchFinalizer } from './batch-work/batch-finalizer';
import { BatchWorkConsumer } from './batch-work/batch-work.consumer';
import { BatchWorkEnqueuer } from './batch-work/batch-work.enqueuer';
import { CommitChunkProcessor } from './batch-work/commit-chunk.processor';
import { ScheduleCommitProcessor } from './batch-work/schedule-commit.processor';
import { CommitBatchUseCase } from './commit-batch.usecase';
import { CreateEmailBatchUseCase } from './create-email-batch.usecase';
import { CreateUploadBatchUseCase } from './create-upload-batch.usecase';
import { BatchRequestDeduplication } from './batch-request-deduplication';
import { ParseUploadProcessor } from './batch-work/parse-upload.processor';
import { ValidateChunkProcessor } from './batch-work/validate-chunk.processor';
import { UploadStore } from '../uploads/upload-store';
import { MemberBatchesController } from './member-batches.controller';
import { BatchMilestone, BatchMilestoneSchema } from './persistence/batch-milestone.schema';
import { BatchMilestonesRepository } from './persistence/batch-milestones.repository';
import { BatchRequestKey, BatchRequestKeySchema } from './persistence/batch-request-key.schema';
import { BatchRequestKeysRepository } from './persistence/batch-request-keys.repository';
import { BatchRowDocument, BatchRowDocumentSchema } from './persistence/batch-row.schema';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { MemberBatch, MemberBatchSchema } from './persistence/member-batch.schema';
import { MemberBatchesRepository } from './persistence/member-batches.repository';
import { AccountNamePicker } from './row-validation/account-name-picker';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';
import { EmailHolds } from './row-validation/email-holds';
import { NameHolds } from './row-validation/name-holds';
import { TakenAccountNames } from './row-validation/taken-account-names';
import { UpdateBatchRowUseCase } from './update-batch-row.usecase';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MemberBatch.name, schema: MemberBatchSchema },
      { name: BatchRowDocument.name, schema: BatchRowDocumentSchema },
      { name: BatchMilestone.name, schema: BatchMilestoneSchema },
      { name: CommitResult.name, schema: CommitResultSchema },
      { name: AccountEventsOutboxEntry.name, schema: AccountEventsOutboxEntrySchema },
      { name: ChunkSnapshot.name, schema: ChunkSnapshotSchema },
      { name: BatchRequestKey.name, schema: BatchRequestKeySchema },
    ]),
    AccountsModule,
    OrganizationsModule,
  ],
  controllers: [MemberBatchesController],
  providers: [
    MemberBatchesRepository,
    BatchRowsRepository,
    BatchMilestonesRepository,
    AccountNamePicker,
    BatchRowsValidator,
    BatchLookup,
    BatchProgressReader,
    BatchQueries,
    CreateEmailBatchUseCase,
    UpdateBatchRowUseCase,
    CommitBatchUseCase,
    BatchWorkEnqueuer,
    ScheduleCommitProcessor,
    CommitChunkProcessor,
    BatchFinalizer,
    BatchWorkConsumer,
    BatchEventsOutbox,
    AccountEventsOutbox,
    CommitResultsRepository,
    AccountEventsOutboxRepository,
    AccountEventsPublisher,
    ChunkSnapshotsRepository,
    EmailHolds,
    NameHolds,
    TakenAccountNames,
    BatchRequestKeysRepository,
    BatchRequestDeduplication,
    CreateUploadBatchUseCase,
    ParseUploadProcessor,
    ValidateChunkProcessor,
    UploadStore,
  ],
  exports: [BatchEventsOutbox, AccountEventsOutbox, MemberBatchesRepository, BatchMilestonesRepository, BatchRowsRepository],
})
export class MemberBatchesModule {}
