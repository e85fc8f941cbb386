import type { EventEnvelope } from './event-envelope';

export interface InvitationExpiredData {
  invitationId: string;
  memberId: string;
  accountName: string;
}

/** Published once when an invitation passed its expiry (INVITATION_TTL_HOURS) without an answer; routing key `member.invitation.expired`. */
export type InvitationExpiredEvent = EventEnvelope<'InvitationExpired', InvitationExpiredData>;

export const INVITATION_EXPIRED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const invitationExpiredEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/invitation-expired.v1.json',
  title: 'InvitationExpired',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'InvitationExpired' },
    version: { const: INVITATION_EXPIRED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['invitationId', 'memberId', 'accountName'],
      properties: {
        invitationId: { type: 'string', format: 'uuid' },
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
      },
    },
  },
} as const;
