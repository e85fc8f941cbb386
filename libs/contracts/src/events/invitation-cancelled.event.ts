import type { EventEnvelope } from './event-envelope';

export interface InvitationCancelledData {
  invitationId: string;
  memberId: string;
  accountName: string;
  cancelledByAdminId: string;
}

/** Published once when an admin cancels a pending invitation; routing key `member.invitation.cancelled`. */
export type InvitationCancelledEvent = EventEnvelope<'InvitationCancelled', InvitationCancelledData>;

export const INVITATION_CANCELLED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const invitationCancelledEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/invitation-cancelled.v1.json',
  title: 'InvitationCancelled',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'InvitationCancelled' },
    version: { const: INVITATION_CANCELLED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['invitationId', 'memberId', 'accountName', 'cancelledByAdminId'],
      properties: {
        invitationId: { type: 'string', format: 'uuid' },
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        cancelledByAdminId: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
