import type { EventEnvelope } from './event-envelope';

export interface MemberReactivatedData {
  memberId: string;
  accountName: string;
  accountType: 'business';
  /** What the account is back to: `active`, or `pending_activation` if the member never activated it. */
  status: 'active' | 'pending_activation';
  reactivatedByAdminId: string;
}

/** Published when an admin lifts a suspension, routing key `member.account.reactivated`. */
export type MemberReactivatedEvent = EventEnvelope<'MemberReactivated', MemberReactivatedData>;

export const MEMBER_REACTIVATED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const memberReactivatedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/member-reactivated.v1.json',
  title: 'MemberReactivated',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'MemberReactivated' },
    version: { const: MEMBER_REACTIVATED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['memberId', 'accountName', 'accountType', 'status', 'reactivatedByAdminId'],
      properties: {
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'business' },
        status: { enum: ['active', 'pending_activation'] },
        reactivatedByAdminId: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
