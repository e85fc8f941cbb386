import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BATCH_COMPLETED_VERSION, type BatchCompletedEvent, type BatchCounts } from '@app/contracts';
import { UploadStore } from '@app/uploads';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import { BatchClaimsRepository } from '../persistence/batch-claims.repository';
import { ChunkReportsRepository } from '../persistence/chunk-reports.repository';
import type { MemberBatch } from '../member-batch';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import type { BatchWorkPhase } from './batch-work.queue';

/** Batches whose next ticket this process remembers; older ones are looked for again from 0. */
const REMEMBERED_TICKETS = 1_000;

/** Moves a batch on once every chunk of a phase is done, exactly once whoever finishes last. */
@Injectable()
export class BatchFinalizer {
  private readonly logger = new Logger('BatchFinalizer');
  /** Per batch and phase, the ticket this process looks for first: no lower one is free. */
  private readonly nextTickets = new Map<string, number>();

  constructor(
    private readonly batches: MemberBatchesRepository,
    private readonly rows: BatchRowsRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly claims: BatchClaimsRepository,
    private readonly snapshots: ChunkSnapshotsRepository,
    private readonly uploads: UploadStore,
  ) {}

  /**
   * A chunk of the phase is done: it takes the next ticket, and only a chunk whose ticket could
   * be the last counts the done chunks. A redone chunk takes a second ticket, which at worst makes
   * an earlier chunk count; the last one always gets a ticket at least as high as the chunk count.
   */
  async chunkDone(batch: MemberBatch, phase: Extract<BatchWorkPhase, 'validate' | 'commit'>): Promise<void> {
    const key = `${batch._id}:${phase}`;
    const ticket = await this.claims.takeTicket(batch._id, phase, this.nextTickets.get(key) ?? 0);
    this.nextTickets.delete(key);
    this.nextTickets.set(key, ticket + 1);
    if (this.nextTickets.size > REMEMBERED_TICKETS) this.nextTickets.delete(this.nextTickets.keys().next().value!);
    // Until the file is read, the chunk count is 0: the batch is read again to learn it.
    const current = batch.chunkCount > 0 && ticket + 1 < batch.chunkCount ? batch : ((await this.batches.findById(batch._id)) ?? batch);
    if (current.chunkCount > 0 && ticket + 1 >= current.chunkCount) await this.finishIfComplete(current, phase);
  }

  /** Counts the done chunks of the phase, and moves the batch on if they are all done. */
  async finishIfComplete(batch: MemberBatch, phase: Extract<BatchWorkPhase, 'validate' | 'commit'>): Promise<void> {
    // Until the file is read, the chunk count is 0: nothing can be complete yet.
    if (batch.chunkCount === 0) return;
    const done = await this.reports.count(batch._id, phase);
    if (done < batch.chunkCount) return;
    if (!(await this.claims.claimStep(batch._id, `${phase}-closed`))) return;
    if (phase === 'commit') await this.complete(batch, 'completed', null);
    else await this.markReady(batch);
  }

  /** Every row of the file is checked: the admin can review. The stored file is no longer needed. */
  private async markReady(batch: MemberBatch): Promise<void> {
    const counts = await this.reports.validationCounts(batch._id);
    await this.batches.setStatus(batch._id, 'ready', { counts, uploadId: null });
    if (batch.uploadId) await this.uploads.delete(batch.uploadId);
  }

  /** `code`: the file's error code, when it is the file that cannot be imported. */
  async fail(batch: MemberBatch, reason: string, code: string | null = null): Promise<void> {
    if (!(await this.claims.claimStep(batch._id, 'failed'))) return;
    await this.complete(batch, 'failed', reason, code);
  }

  private async complete(batch: MemberBatch, status: 'completed' | 'failed', failureReason: string | null, failureCode: string | null = null): Promise<void> {
    const counts = await this.finalCounts(batch, status);
    if (batch.uploadId) await this.uploads.delete(batch.uploadId);
    const now = new Date();
    const event: BatchCompletedEvent = {
      id: randomUUID(),
      type: 'BatchCompleted',
      version: BATCH_COMPLETED_VERSION,
      occurredAt: now.toISOString(),
      organizationId: batch.organizationId,
      data: { batchId: batch._id, source: batch.source, status, counts, startedByAdminId: batch.createdByAdminId },
    };
    await this.batches.setStatus(batch._id, status, { counts, failureReason, failureCode, completedAt: now, pendingEvent: event, eventPending: true });
    // Chunk snapshots only serve review and commit; removing them is slow on FerretDB, so it
    // happens after the batch is closed and nothing waits for it.
    this.snapshots.deleteBatch(batch._id).catch((error: Error) =>
      this.logger.warn({ message: 'could not remove chunk snapshots', batchId: batch._id, reason: error.message }),
    );
  }

  /**
   * Once every chunk is committed, every valid row was created, invited or failed, so the tallies
   * say it all (counting rows by status scans the whole collection on FerretDB). A failed batch
   * counts them.
   */
  private async finalCounts(batch: MemberBatch, status: 'completed' | 'failed'): Promise<BatchCounts> {
    const tallies = await this.reports.committedChunks(batch._id);
    const created = tallies.reduce((sum, tally) => sum + tally.created, 0);
    const invited = tallies.reduce((sum, tally) => sum + tally.invited, 0);
    const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
    if (status === 'completed') {
      const total = batch.counts.total;
      return { total, valid: 0, invalid: total - created - invited - failed, created, invited, failed };
    }
    const counts = await this.rows.countByStatus(batch._id);
    return { ...counts, created, invited, failed, valid: counts.valid - created - invited - failed };
  }
}
