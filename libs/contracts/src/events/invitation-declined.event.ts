import type { EventEnvelope } from './event-envelope';

export interface InvitationDeclinedData {
  invitationId: string;
  memberId: string;
  accountName: string;
}

/** Published once when an invited person declines; routing key `member.invitation.declined`. */
export type InvitationDeclinedEvent = EventEnvelope<'InvitationDeclined', InvitationDeclinedData>;

export const INVITATION_DECLINED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const invitationDeclinedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/invitation-declined.v1.json',
  title: 'InvitationDeclined',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'InvitationDeclined' },
    version: { const: INVITATION_DECLINED_VERSION },
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
