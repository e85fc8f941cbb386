import type { EventEnvelope } from './event-envelope';

export interface MemberJoinedData {
  invitationId: string;
  memberId: string;
  accountName: string;
  accountType: 'personal';
}

/** Published once when an invited person accepts: the personal account is now a member of the organization; routing key `member.membership.joined`. */
export type MemberJoinedEvent = EventEnvelope<'MemberJoined', MemberJoinedData>;

export const MEMBER_JOINED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const memberJoinedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/member-joined.v1.json',
  title: 'MemberJoined',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'MemberJoined' },
    version: { const: MEMBER_JOINED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['invitationId', 'memberId', 'accountName', 'accountType'],
      properties: {
        invitationId: { type: 'string', format: 'uuid' },
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'personal' },
      },
    },
  },
} as const;
