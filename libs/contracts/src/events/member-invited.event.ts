import type { Locale } from '../locale';
import type { EventEnvelope } from './event-envelope';

export interface MemberInvitedData {
  invitationId: string;
  /** The personal account invited. */
  memberId: string;
  accountName: string;
  accountType: 'personal';
  email: string;
  firstName: string | null;
  /** The invited person's language, chosen at sign-up. */
  locale: Locale;
  organizationName: string;
  /** The batch whose commit created it; null when invited by account name. */
  batchId: string | null;
  invitedByAdminId: string;
  expiresAt: string;
}

/** Published once per invitation when an admin invites a personal account (from a batch's commit, or by account name): it carries what the invitation mail says, never a secret (accepting needs the person to sign in); routing key `member.invitation.created`. */
export type MemberInvitedEvent = EventEnvelope<'MemberInvited', MemberInvitedData>;

export const MEMBER_INVITED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const memberInvitedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/member-invited.v1.json',
  title: 'MemberInvited',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'MemberInvited' },
    version: { const: MEMBER_INVITED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['invitationId', 'memberId', 'accountName', 'accountType', 'email', 'firstName', 'locale', 'organizationName', 'batchId', 'invitedByAdminId', 'expiresAt'],
      properties: {
        invitationId: { type: 'string', format: 'uuid' },
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'personal' },
        email: { type: 'string', minLength: 3 },
        firstName: { type: ['string', 'null'] },
        locale: { enum: ['fr', 'en'] },
        organizationName: { type: 'string', minLength: 1 },
        batchId: { type: ['string', 'null'] },
        invitedByAdminId: { type: 'string', minLength: 1 },
        expiresAt: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
