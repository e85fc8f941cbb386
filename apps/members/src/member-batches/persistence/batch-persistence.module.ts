import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountCreatedOutboxEntry, AccountCreatedOutboxEntrySchema } from '../account-created/persistence/account-created-outbox.schema';
import { AccountCreatedOutboxRepository } from '../account-created/persistence/account-created-outbox.repository';
import { BatchClaimDocument, BatchClaimSchema } from './batch-claim.schema';
import { BatchClaimsRepository } from './batch-claims.repository';
import { BatchRowDocument, BatchRowDocumentSchema } from './batch-row.schema';
import { BatchRowsRepository } from './batch-rows.repository';
import { ChunkReportDocument, ChunkReportSchema } from './chunk-report.schema';
import { ChunkReportsRepository } from './chunk-reports.repository';
import { ChunkSnapshot, ChunkSnapshotSchema } from './chunk-snapshot.schema';
import { ChunkSnapshotsRepository } from './chunk-snapshots.repository';
import { MemberBatchDocument, MemberBatchSchema } from './member-batch.schema';
import { MemberBatchesRepository } from './member-batches.repository';
import { RecordsOf02Repository } from './records-of-0.2.repository';

const repositories = [MemberBatchesRepository, BatchRowsRepository, ChunkSnapshotsRepository, ChunkReportsRepository, BatchClaimsRepository, AccountCreatedOutboxRepository, RecordsOf02Repository];

/** A batch's collections (see docs/architecture.md, "A batch's data") and their repositories. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MemberBatchDocument.name, schema: MemberBatchSchema },
      { name: BatchRowDocument.name, schema: BatchRowDocumentSchema },
      { name: ChunkSnapshot.name, schema: ChunkSnapshotSchema },
      { name: ChunkReportDocument.name, schema: ChunkReportSchema },
      { name: BatchClaimDocument.name, schema: BatchClaimSchema },
      { name: AccountCreatedOutboxEntry.name, schema: AccountCreatedOutboxEntrySchema },
    ]),
  ],
  providers: repositories,
  exports: repositories,
})
export class BatchPersistenceModule {}
