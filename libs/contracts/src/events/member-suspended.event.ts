import type { EventEnvelope } from './event-envelope';

export interface MemberSuspendedData {
  memberId: string;
  accountName: string;
  accountType: 'business';
  suspendedByAdminId: string;
}

/** Published when an admin suspends a business account (it can no longer sign in), routing key `member.account.suspended`. */
export type MemberSuspendedEvent = EventEnvelope<'MemberSuspended', MemberSuspendedData>;

export const MEMBER_SUSPENDED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const memberSuspendedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/member-suspended.v1.json',
  title: 'MemberSuspended',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'MemberSuspended' },
    version: { const: MEMBER_SUSPENDED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['memberId', 'accountName', 'accountType', 'suspendedByAdminId'],
      properties: {
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'business' },
        suspendedByAdminId: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
