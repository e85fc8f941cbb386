import { Module } from '@nestjs/common';
import { MessageForwarder } from '@app/messaging';
import { UploadsModule } from '@app/uploads';
import { AccountsModule } from '../accounts/accounts.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MigrationsModule } from '../migrations/migrations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountCreatedOutbox } from './account-created/account-created.outbox';
import { AccountCreatedPublisher } from './account-created/account-created.publisher';
import { BatchEventsOutbox } from './batch-events.outbox';
import { BatchLookup } from './batch-lookup';
import { BatchProgressReader } from './batch-progress';
import { BatchQueries } from './batch-queries';
import { ReviewedRowsPager } from './reviewed-rows-pager';
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
import { MemberBatchesController } from './member-batches.controller';
import { AccountNamePicker } from './row-validation/account-name-picker';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';
import { AddressVerificationRequests } from './row-validation/address-verification-requests';
import { EmailHolds } from './row-validation/email-holds';
import { NameHolds } from './row-validation/name-holds';
import { TakenAccountNames } from './row-validation/taken-account-names';
import { BatchPersistenceModule } from './persistence/batch-persistence.module';
import { UpgradeBatchDataFrom02 } from './upgrade-batch-data-from-0.2';
import { UpdateBatchRowUseCase } from './update-batch-row.usecase';

@Module({
  imports: [BatchPersistenceModule, AccountsModule, InvitationsModule, OrganizationsModule, UploadsModule, MigrationsModule],
  controllers: [MemberBatchesController],
  providers: [
    AccountNamePicker,
    BatchRowsValidator,
    EmailHolds,
    AddressVerificationRequests,
    NameHolds,
    TakenAccountNames,
    BatchLookup,
    BatchProgressReader,
    BatchQueries,
    ReviewedRowsPager,
    BatchRequestDeduplication,
    CreateEmailBatchUseCase,
    CreateUploadBatchUseCase,
    UpdateBatchRowUseCase,
    CommitBatchUseCase,
    BatchWorkEnqueuer,
    BatchWorkConsumer,
    MessageForwarder,
    ParseUploadProcessor,
    ValidateChunkProcessor,
    ScheduleCommitProcessor,
    CommitChunkProcessor,
    BatchFinalizer,
    AccountCreatedPublisher,
    AccountCreatedOutbox,
    BatchEventsOutbox,
    UpgradeBatchDataFrom02,
  ],
  exports: [BatchEventsOutbox, AccountCreatedOutbox],
})
export class MemberBatchesModule {}
