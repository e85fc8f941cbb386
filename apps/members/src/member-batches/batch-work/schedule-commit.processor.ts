import { Injectable } from '@nestjs/common';
import { OrganizationsRepository } from '../../organizations/persistence/organizations.repository';
import { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import type { MemberBatch } from '../member-batch';
import { BatchWorkEnqueuer } from './batch-work.enqueuer';
import type { CommittingOrganization } from './batch-work.queue';
import { DEFAULT_LOCALE } from '@app/contracts';

/**
 * Reads the reviewed rows of a batch in one pass, from the chunk snapshots written at validation,
 * and puts one commit job per chunk on the work queue, carrying its rows: on FerretDB any lookup
 * scans its whole collection, so one pass over the snapshots costs what a single chunk's lookup
 * would. A chunk without a snapshot (edited in review) gets a job without rows, and its worker
 * reads the rows itself. Scheduling again after a crash repeats jobs, which commit nothing twice.
 */
@Injectable()
export class ScheduleCommitProcessor {
  constructor(
    private readonly snapshots: ChunkSnapshotsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly work: BatchWorkEnqueuer,
  ) {}

  /** `redo`: an earlier scheduling may have queued some of these chunks, maybe committed since. */
  async process(batch: MemberBatch, redo: boolean): Promise<void> {
    const found = await this.organizations.findById(batch.organizationId);
    const organization: CommittingOrganization = { name: found?.name ?? '', locale: found?.locale ?? DEFAULT_LOCALE };
    const job = { batchId: batch._id, phase: 'commit' as const, organization, rescheduled: redo };
    const scheduled = new Set<number>();
    for await (const { chunk, rows } of this.snapshots.streamBatch(batch._id)) {
      // No password hash travels on the broker: setting a password drops the chunk's snapshot,
      // and should a snapshot hold one all the same, its worker reads the rows instead.
      if (rows.some((row) => row.passwordHash !== null)) continue;
      await this.work.publish([{ ...job, chunk, rowsToCommit: rows }]);
      scheduled.add(chunk);
    }
    const unscheduled = Array.from({ length: batch.chunkCount }, (_, chunk) => chunk).filter((chunk) => !scheduled.has(chunk));
    await this.work.publish(unscheduled.map((chunk) => ({ ...job, chunk })));
  }
}
