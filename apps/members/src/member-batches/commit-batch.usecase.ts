import { Injectable, Logger } from '@nestjs/common';
import { type BatchCommand, ErrorCode, type MemberBatchView } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { BatchLookup } from './batch-lookup';
import { toBatchView } from './batch-view';
import { BatchWorkEnqueuer } from './batch-work/batch-work.enqueuer';
import { BatchClaimsRepository } from './persistence/batch-claims.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/**
 * Starts creating the accounts (and invitations) of a reviewed batch, in the name of the admin who
 * commits it. Only the first of any number of commits, concurrent or repeated, starts the work (a
 * unique claim); the others answer the batch as it is.
 */
@Injectable()
export class CommitBatchUseCase {
  private readonly logger = new Logger('CommitBatch');

  constructor(
    private readonly lookup: BatchLookup,
    private readonly batches: MemberBatchesRepository,
    private readonly claims: BatchClaimsRepository,
    private readonly work: BatchWorkEnqueuer,
  ) {}

  async execute(command: BatchCommand): Promise<MemberBatchView> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    if (batch.status === 'validating') throw new DomainError(ErrorCode.BatchNotReady, 'The batch is still being validated; commit it once it is ready.');
    if (batch.status !== 'ready') return toBatchView(batch);
    if (!(await this.claims.claimStep(batch._id, 'commit'))) {
      return toBatchView((await this.batches.findById(batch._id)) ?? batch);
    }
    const commitStartedAt = new Date();
    await this.batches.setStatus(batch._id, 'committing', { commitStartedAt, committedByAdminId: command.adminId });
    try {
      await this.work.start(batch._id, 'schedule-commit');
    } catch (error) {
      // Nothing was started: give the batch back so the admin can commit again.
      this.logger.error({ message: 'could not enqueue the commit', batchId: batch._id, reason: (error as Error).message });
      await this.batches.setStatus(batch._id, 'ready', { commitStartedAt: null, committedByAdminId: null });
      await this.claims.releaseStep(batch._id, 'commit');
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The import workers cannot be reached right now; try again shortly.');
    }
    return toBatchView({ ...batch, status: 'committing', commitStartedAt });
  }
}
