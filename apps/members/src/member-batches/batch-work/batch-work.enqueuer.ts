import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Channel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { ConfirmedPublisher, type KeptChannel, PublishFailedError, RabbitConnection } from '@app/messaging';
import { BATCH_WORK_QUEUE, type BatchWorkJob, type BatchWorkPhase, declareBatchWorkQueue } from './batch-work.queue';

/** Puts a batch's chunks on the durable work queue; resolves once the broker holds them all. */
@Injectable()
export class BatchWorkEnqueuer implements OnModuleInit {
  private declarations?: KeptChannel<Channel>;

  constructor(
    private readonly connection: RabbitConnection,
    private readonly publisher: ConfirmedPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    this.declarations = await this.connection.keepChannel('batch-work declarations', declareBatchWorkQueue);
  }

  /** The one job that starts a phase for the whole batch. */
  async start(batchId: string, phase: Extract<BatchWorkPhase, 'parse' | 'schedule-commit'>): Promise<void> {
    await this.publish([{ batchId, phase, chunk: 0 }]);
  }

  async publish(jobs: BatchWorkJob[]): Promise<void> {
    let unrouted = await this.send(jobs);
    const channel = this.declarations?.current;
    if (unrouted.length > 0 && channel) {
      // The queue was deleted since it was declared: declare it again and send what went nowhere (it reached no one).
      await declareBatchWorkQueue(channel);
      unrouted = await this.send(unrouted);
    }
    if (unrouted.length > 0) throw new PublishFailedError(`the work queue ${BATCH_WORK_QUEUE} does not exist`);
  }

  /** Publishes the jobs and answers those the broker could route nowhere. */
  private async send(jobs: BatchWorkJob[]): Promise<BatchWorkJob[]> {
    const results = await Promise.all(jobs.map((job) => this.publisher.publish('', BATCH_WORK_QUEUE, job, { messageId: randomUUID(), type: `batch.${job.phase}` })));
    return jobs.filter((_, index) => !results[index].routed);
  }
}
