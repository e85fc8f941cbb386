import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConfirmedPublisher, PublishFailedError, RabbitConnection } from '@app/messaging';
import { BATCH_WORK_QUEUE, type BatchWorkJob, type BatchWorkPhase, declareBatchWorkQueue } from './batch-work.queue';

/** Puts a batch's chunks on the durable work queue; resolves once the broker holds them all. */
@Injectable()
export class BatchWorkEnqueuer implements OnModuleInit {
  constructor(
    private readonly connection: RabbitConnection,
    private readonly publisher: ConfirmedPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connection.onEachConnection(async (model) => {
      const channel = await model.createChannel();
      await declareBatchWorkQueue(channel);
      await channel.close();
    });
  }

  /** The one job that starts a phase for the whole batch. */
  async start(batchId: string, phase: Extract<BatchWorkPhase, 'parse' | 'schedule-commit'>): Promise<void> {
    await this.publish([{ batchId, phase, chunk: 0 }]);
  }

  async publish(jobs: BatchWorkJob[]): Promise<void> {
    const results = await Promise.all(jobs.map((job) => this.publisher.publish('', BATCH_WORK_QUEUE, job, { messageId: randomUUID(), type: `batch.${job.phase}` })));
    if (results.some((result) => !result.routed)) throw new PublishFailedError(`the work queue ${BATCH_WORK_QUEUE} does not exist`);
  }
}
