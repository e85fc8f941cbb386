import type { EventEnvelope } from './event-envelope';

export interface BatchCompletedData {
  batchId: string;
  source: 'emails' | 'csv';
  status: 'completed' | 'failed';
  /** `invited`: rows the commit turned into invitations of personal accounts (absent from events before invitations: none). */
  counts: { total: number; valid: number; invalid: number; created: number; invited?: number; failed: number };
  startedByAdminId: string;
}

/** Published when a batch commit ends, routing key `member.batch.completed`. */
export type BatchCompletedEvent = EventEnvelope<'BatchCompleted', BatchCompletedData>;

export const BATCH_COMPLETED_VERSION = 1;

const count = { type: 'integer', minimum: 0 } as const;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const batchCompletedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/batch-completed.v1.json',
  title: 'BatchCompleted',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'BatchCompleted' },
    version: { const: BATCH_COMPLETED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['batchId', 'source', 'status', 'counts', 'startedByAdminId'],
      properties: {
        batchId: { type: 'string', format: 'uuid' },
        source: { enum: ['emails', 'csv'] },
        status: { enum: ['completed', 'failed'] },
        counts: {
          type: 'object',
          additionalProperties: false,
          required: ['total', 'valid', 'invalid', 'created', 'failed'],
          properties: { total: count, valid: count, invalid: count, created: count, invited: count, failed: count },
        },
        startedByAdminId: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
