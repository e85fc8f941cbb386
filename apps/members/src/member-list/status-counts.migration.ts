import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { ChunkStatusCountsRepository, type OrganizationChunk } from '../accounts/persistence/chunk-status-counts.repository';
import { MemberBatchesRepository } from '../member-batches/persistence/member-batches.repository';
import { RunOnceMigration } from '../migrations/run-once-migration';

/** Completed once every chunk created before 0.7 is marked to be counted (StatusCountsOfChunks). */
export const STATUS_COUNTS_MIGRATION = 'chunks-marked-for-status-counts';

/**
 * Before 0.7 a status change marked nothing, so every chunk that created accounts then is marked
 * once: its first status filter counts it from its accounts. Until this ends, a status filter
 * counts every chunk it has no counts for. Runs once, in the background, on the first start of a
 * members service that answers the gateway.
 */
@Injectable()
export class StatusCountsMigration extends RunOnceMigration {
  protected readonly migration = STATUS_COUNTS_MIGRATION;
  protected readonly failure = 'marking the chunks of earlier accounts for status counts failed';

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
    private readonly chunkCounts: ChunkStatusCountsRepository,
  ) {
    super();
  }

  protected async migrate(): Promise<void> {
    const chunks: OrganizationChunk[] = [];
    for (const batchId of await this.accounts.batchesWithAccounts()) {
      const batch = await this.batches.findById(batchId);
      if (!batch) continue;
      for (let chunk = 0; chunk < batch.chunkCount; chunk += 1) chunks.push({ organizationId: batch.organizationId, batchId, chunk });
    }
    await this.chunkCounts.markAllToRecount(chunks);
    if (chunks.length > 0) this.logger.log({ msg: 'chunks of accounts created before 0.7 marked for status counts', chunks: chunks.length });
  }
}
