import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { isLocale } from '@app/contracts';
import { RequestContext } from '@app/observability';
import { ATTEMPTS_HEADER, attemptsSoFar, MessageForwarder, RabbitConnection, RejectMessage, startConsumer } from '@app/messaging';
import { MembersEnvironment } from '../../config/members.environment';
import { ChunkReportsRepository } from '../persistence/chunk-reports.repository';
import type { MemberBatch } from '../member-batch';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import { BatchFinalizer } from './batch-finalizer';
import {
  BATCH_WORK_PHASES,
  BATCH_WORK_QUEUE,
  batchWorkRetryQueue,
  type BatchWorkJob,
  type BatchWorkPhase,
  declareBatchWorkQueue,
  MAX_CHUNK_DELIVERIES,
} from './batch-work.queue';
import { ParseUploadProcessor } from './parse-upload.processor';
import { ValidateChunkProcessor } from './validate-chunk.processor';
import { CommitChunkProcessor } from './commit-chunk.processor';
import { ScheduleCommitProcessor } from './schedule-commit.processor';

/**
 * Jobs in flight per worker: a file's parse job holds one for its whole run, and the others let
 * chunks be checked while earlier ones are written (two gave 695 rows/s, four 1,597 on FerretDB).
 */
const PREFETCH = 4;

function parseJob(message: ConsumeMessage): BatchWorkJob | null {
  try {
    const job = JSON.parse(message.content.toString('utf8')) as Partial<BatchWorkJob>;
    if (typeof job.batchId !== 'string' || !BATCH_WORK_PHASES.includes(job.phase as BatchWorkPhase) || !Number.isInteger(job.chunk)) return null;
    if (job.phase === 'validate' && !Array.isArray(job.rows)) return null;
    if (job.rowsToCommit !== undefined && !Array.isArray(job.rowsToCommit)) return null;
    if (job.phase === 'commit' && (typeof job.organization?.name !== 'string' || !isLocale(job.organization.locale))) return null;
    return job as BatchWorkJob;
  } catch {
    return null;
  }
}

/** The import worker: takes chunks from the work queue with manual acks (MEMBERS_ROLE worker or all). */
@Injectable()
export class BatchWorkConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger('BatchWork');

  constructor(
    private readonly connection: RabbitConnection,
    private readonly forwarder: MessageForwarder,
    private readonly env: MembersEnvironment,
    private readonly batches: MemberBatchesRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly parseUpload: ParseUploadProcessor,
    private readonly validateChunk: ValidateChunkProcessor,
    private readonly scheduleCommit: ScheduleCommitProcessor,
    private readonly commitChunk: CommitChunkProcessor,
    private readonly finalizer: BatchFinalizer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.MEMBERS_ROLE === 'api') return;
    await startConsumer(
      this.connection,
      { queue: BATCH_WORK_QUEUE, prefetch: PREFETCH, declare: declareBatchWorkQueue, handle: (message) => this.handle(message) },
      this.logger,
    );
  }

  private async handle(message: ConsumeMessage): Promise<void> {
    const job = parseJob(message);
    if (!job) {
      this.logger.warn({ message: 'malformed work message dropped to the dead-letter queue' });
      throw new Error('malformed work message');
    }
    await RequestContext.run({ batchId: job.batchId }, async () => {
      // Tries so far: redeliveries after a worker died, and retries after a failure.
      const earlierTries = Number(message.properties.headers?.['x-delivery-count'] ?? 0) + attemptsSoFar(message.properties.headers);
      let batch: MemberBatch | null;
      try {
        batch = await this.batches.findById(job.batchId);
      } catch (error) {
        // The database restarting: the job waits like one that failed. Thrown, it went to the
        // dead queue at once, and its batch stayed `committing` (or `validating`) for good.
        if (earlierTries + 1 >= MAX_CHUNK_DELIVERIES) throw error;
        await this.retryLater(message, earlierTries + 1, (error as Error).message);
        return;
      }
      if (!batch || batch.status !== (job.phase === 'commit' || job.phase === 'schedule-commit' ? 'committing' : 'validating')) return;
      try {
        await this.run(batch, job, message.fields.redelivered || earlierTries > 0);
      } catch (error) {
        const tries = earlierTries + 1;
        if (tries < MAX_CHUNK_DELIVERIES) {
          await this.retryLater(message, tries, (error as Error).message);
          return;
        }
        this.logger.error({ message: 'chunk failed on every delivery; batch marked failed', phase: job.phase, chunk: job.chunk, reason: (error as Error).message });
        await this.finalizer.fail(batch, `Part of the batch could not be processed: ${(error as Error).message}`);
      }
    });
  }

  /** The job waits in a retry queue, acked here once the broker holds the copy: a passing outage (a database restart) can end meanwhile. */
  private async retryLater(message: ConsumeMessage, tries: number, reason: string): Promise<void> {
    try {
      await this.forwarder.forward(message, batchWorkRetryQueue(tries), { [ATTEMPTS_HEADER]: tries });
    } catch (error) {
      throw new RejectMessage(`could not put the job in a retry queue: ${(error as Error).message}`, true);
    }
    this.logger.warn({ message: 'job failed; it will be tried again', tries, reason });
  }

  /** `redo`: this job was delivered before, so part of its work may already be written. */
  private async run(batch: MemberBatch, job: BatchWorkJob, redo: boolean): Promise<void> {
    if (job.phase === 'parse') {
      const outcome = await this.parseUpload.process(batch, redo);
      if (outcome.kind === 'unreadable') {
        await this.finalizer.fail(batch, outcome.reason, outcome.code);
        return;
      }
      await this.batches.update(batch._id, { chunkCount: outcome.chunks, counts: { ...batch.counts, total: outcome.rows } });
      this.logger.log({ message: 'file read', rows: outcome.rows, chunks: outcome.chunks });
      // The last chunks may have been checked already, before the chunk count was known.
      await this.finalizer.finishIfComplete((await this.batches.findById(batch._id)) ?? batch, 'validate');
      return;
    }
    if (job.phase === 'schedule-commit') {
      await this.scheduleCommit.process(batch, redo);
      return;
    }
    if (job.phase === 'validate') {
      const validated = await this.validateChunk.process(batch, job.rows ?? [], redo);
      await this.reports.recordValidated(batch._id, job.chunk, validated);
      this.logger.debug({ message: 'chunk done', phase: job.phase, chunk: job.chunk });
      await this.finalizer.chunkDone(batch, 'validate');
      return;
    }
    await this.commitChunk.process(batch, job.chunk, job.organization!, job.rowsToCommit, redo || job.rescheduled === true);
    this.logger.debug({ message: 'chunk done', phase: job.phase, chunk: job.chunk });
    await this.finalizer.chunkDone(batch, 'commit');
  }
}
