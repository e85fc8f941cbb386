import { Injectable } from '@nestjs/common';
import { RunOnceMigration } from '../migrations/run-once-migration';
import type { RowOutcome } from './row-outcome';
import { BatchClaimsRepository, type BatchStep } from './persistence/batch-claims.repository';
import { ChunkReportsRepository } from './persistence/chunk-reports.repository';
import { type MilestoneOf02, RecordsOf02Repository } from './persistence/records-of-0.2.repository';

/** The closing marks and the commit claim of 0.2, by their milestone phase, and the step each is now. */
const STEPS_OF_02: Record<string, BatchStep> = { 'commit:claim': 'commit', 'validate:final': 'validate-closed', 'commit:final': 'commit-closed', failed: 'failed' };

/**
 * 0.2 kept a batch's chunk tallies, tickets, commit claim and closing marks in batch_milestones,
 * its notable commit outcomes in batch_commit_results and its request keys in
 * batch_request_keys. This copies them into batch_chunk_reports and batch_claims, then drops the
 * three, once, in the background, on the first start of a members service that answers the gateway.
 * Batches still validating or committing during the upgrade may need to be started again.
 */
@Injectable()
export class UpgradeBatchDataFrom02 extends RunOnceMigration {
  protected readonly migration = 'batch-reports-and-claims';
  protected readonly failure = 'upgrading batch data from 0.2 failed';

  constructor(
    private readonly recordsOf02: RecordsOf02Repository,
    private readonly reports: ChunkReportsRepository,
    private readonly claims: BatchClaimsRepository,
  ) {
    super();
  }

  protected async migrate(): Promise<void> {
    if (await this.recordsOf02.present()) {
      this.logger.log({ msg: 'copying batch_milestones, batch_commit_results and batch_request_keys of 0.2 into batch_chunk_reports and batch_claims' });
      const outcomes = new Map<string, RowOutcome[]>();
      for await (const result of this.recordsOf02.commitResults()) outcomes.set(`${result.batchId}:${result.chunk}`, result.notableOutcomes);
      for await (const milestone of this.recordsOf02.milestones()) await this.copy(milestone, outcomes);
      for await (const key of this.recordsOf02.requestKeys()) await this.claims.claimRequestKey(key._id, key.batchId);
      await this.recordsOf02.drop();
    }
  }

  private async copy(milestone: MilestoneOf02, outcomes: ReadonlyMap<string, RowOutcome[]>): Promise<void> {
    const { batchId, phase, chunk } = milestone;
    if (phase === 'validate' && chunk !== null) {
      await this.reports.recordValidated(batchId, chunk, { rows: milestone.rows, valid: milestone.valid ?? 0 });
    } else if (phase === 'commit' && chunk !== null) {
      const created = milestone.created ?? 0;
      await this.reports.recordCommitted(batchId, { chunk, created, invited: 0, failed: milestone.rows - created, notableOutcomes: outcomes.get(`${batchId}:${chunk}`) ?? [] });
    } else if (phase === 'validate-ticket' || phase === 'commit-ticket') {
      const ticket = Number(milestone._id.slice(milestone._id.lastIndexOf(':') + 1));
      await this.claims.claimTicket(batchId, phase === 'validate-ticket' ? 'validate' : 'commit', ticket);
    } else if (STEPS_OF_02[phase]) {
      await this.claims.claimStep(batchId, STEPS_OF_02[phase]);
    }
  }
}
