import type { EventEnvelope } from './event-envelope';

export interface BatchCompletedData {
  batchId: string;
  source: 'emails' | 'csv';
  status: 'completed' | 'failed';
  counts: { total: number; valid: number; invalid: number; created: number; failed: number };
  startedByAdminId: string;
}

/** Published when a batch commit ends, routing key `member.batch.completed`. */
export type BatchCompletedEvent = EventEnvelope<'BatchCompleted', BatchCompletedData>;

export const BATCH_COMPLETED_VERSION = 1;
