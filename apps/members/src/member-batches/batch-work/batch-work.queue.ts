import type { Channel } from 'amqplib';
import type { Locale } from '@app/contracts';
import { retryQueueName } from '@app/messaging';
import type { RowToCommit, RowToValidate } from '../batch-row';

/** Rows per unit of work: big enough to amortise round trips, small enough to redo cheaply. */
export const BATCH_CHUNK_SIZE = 500;

export const BATCH_WORK_QUEUE = 'members.batch-work';
const BATCH_WORK_DEAD_QUEUE = 'members.batch-work.dead';

/** Deliveries of one chunk before it is parked and its batch marked failed. */
export const MAX_CHUNK_DELIVERIES = 8;

/**
 * How long a failed job waits before its next try, in its own retry queue, so that a passing
 * outage (a database restart) can end without the job holding a worker's prefetch slot.
 */
const BATCH_WORK_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000] as const;

/** The retry queue a job waits in after its try numbered `attempt` (from 1) failed. */
export function batchWorkRetryQueue(attempt: number): string {
  return retryQueueName(BATCH_WORK_QUEUE, BATCH_WORK_RETRY_DELAYS_MS[Math.min(attempt, BATCH_WORK_RETRY_DELAYS_MS.length) - 1]);
}

/**
 * `parse` reads the file (one job), `validate` checks chunks of rows, `schedule-commit` reads the
 * reviewed rows once and puts one `commit` job per chunk on the queue, `commit` creates accounts.
 */
export type BatchWorkPhase = 'parse' | 'validate' | 'schedule-commit' | 'commit';

export const BATCH_WORK_PHASES: readonly BatchWorkPhase[] = ['parse', 'validate', 'schedule-commit', 'commit'];

/**
 * One message of the work queue: a chunk of one batch to process in one phase. A `validate` job
 * carries its rows as read from the file, so they are written once, checked, and never updated
 * (per-row updates cost seconds on FerretDB). A `commit` job carries its chunk's valid rows as
 * reviewed, read in one pass with the others; without them, the worker reads the chunk's rows.
 */
export interface BatchWorkJob {
  batchId: string;
  phase: BatchWorkPhase;
  chunk: number;
  rows?: RowToValidate[];
  rowsToCommit?: RowToCommit[];
  /** A commit job's: the organization as its accounts and events name it, looked up once for the whole commit. */
  organization?: CommittingOrganization;
  /** A commit job queued again by a scheduling that was redone: its chunk may be committed already. */
  rescheduled?: boolean;
}

export interface CommittingOrganization {
  name: string;
  locale: Locale;
}

/**
 * A quorum queue, so that a crashed worker's unacked chunk goes to another worker and a chunk
 * that keeps failing stops after a bounded number of deliveries instead of looping.
 */
export async function declareBatchWorkQueue(channel: Channel): Promise<void> {
  await channel.assertQueue(BATCH_WORK_DEAD_QUEUE, { durable: true });
  for (const delayMs of new Set(BATCH_WORK_RETRY_DELAYS_MS)) {
    await channel.assertQueue(retryQueueName(BATCH_WORK_QUEUE, delayMs), {
      durable: true,
      arguments: { 'x-message-ttl': delayMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': BATCH_WORK_QUEUE },
    });
  }
  await channel.assertQueue(BATCH_WORK_QUEUE, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': MAX_CHUNK_DELIVERIES,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': BATCH_WORK_DEAD_QUEUE,
    },
  });
}
