import type { EventEnvelope } from './event-envelope';

export const MEMBER_REMOVED_REASONS = ['left', 'removed_by_admin', 'account_deleted'] as const;
export type MemberRemovedReason = (typeof MEMBER_REMOVED_REASONS)[number];

export interface MemberRemovedData {
  memberId: string;
  accountName: string;
  accountType: 'personal';
  reason: MemberRemovedReason;
  /** The admin, for `removed_by_admin`; null otherwise. */
  removedByAdminId: string | null;
}

/** Published once when a personal account stops being a member: it left, an admin removed it, or its owner deleted it. The account itself stays its owner's unless the reason is `account_deleted`; routing key `member.membership.removed`. */
export type MemberRemovedEvent = EventEnvelope<'MemberRemoved', MemberRemovedData>;

export const MEMBER_REMOVED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const memberRemovedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/member-removed.v1.json',
  title: 'MemberRemoved',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'MemberRemoved' },
    version: { const: MEMBER_REMOVED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['memberId', 'accountName', 'accountType', 'reason', 'removedByAdminId'],
      properties: {
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'personal' },
        reason: { enum: ['left', 'removed_by_admin', 'account_deleted'] },
        removedByAdminId: { type: ['string', 'null'] },
      },
    },
  },
} as const;
