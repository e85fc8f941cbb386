import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { RequestContext } from '@app/observability';
import { RabbitConnection, RejectMessage, startConsumer } from '@app/messaging';
import { MembersEnvironment } from '../../config/members.environment';
import { BatchMilestonesRepository } from '../persistence/batch-milestones.repository';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import { BatchFinalizer } from './batch-finalizer';
import { BATCH_WORK_QUEUE, type BatchWorkJob, declareBatchWorkQueue, MAX_CHUNK_DELIVERIES } from './batch-work.queue';
import { CommitChunkProcessor } from './commit-chunk.processor';

/** Chunks in flight per worker: a second one keeps the worker busy while the first is written. */
const PREFETCH = 2;

function parseJob(message: ConsumeMessage): BatchWorkJob | null {
  try {
    const job = JSON.parse(message.content.toString('utf8')) as Partial<BatchWorkJob>;
    if (typeof job.batchId !== 'string' || job.phase !== 'commit' || !Number.isInteger(job.chunk)) return null;
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
    private readonly env: MembersEnvironment,
    private readonly batches: MemberBatchesRepository,
    private readonly milestones: BatchMilestonesRepository,
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
      const batch = await this.batches.findById(job.batchId);
      if (!batch || batch.status !== 'committing') return;
      const deliveries = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
      try {
        const rows = await this.commitChunk.process(batch, job.chunk);
        if (await this.milestones.record(batch._id, job.phase, String(job.chunk), rows)) {
          this.logger.log({ message: 'chunk done', phase: job.phase, chunk: job.chunk, rows });
        }
        await this.finalizer.finishIfComplete(batch, job.phase);
      } catch (error) {
        if (deliveries + 1 < MAX_CHUNK_DELIVERIES) {
          // Back off before the redelivery so a passing outage (database restart) can end.
          await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** deliveries)));
          throw new RejectMessage((error as Error).message, true);
        }
        this.logger.error({ message: 'chunk failed on every delivery; batch marked failed', chunk: job.chunk, reason: (error as Error).message });
        await this.finalizer.fail(batch, `Part of the batch could not be processed: ${(error as Error).message}`);
      }
    });
  }
}
