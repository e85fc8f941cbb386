import type { Locale } from '../locale';
import type { EventEnvelope } from './event-envelope';

export interface AccountCreatedData {
  memberId: string;
  email: string;
  accountName: string;
  firstName: string | null;
  lastName: string | null;
  accountType: 'business';
  locale: Locale;
  batchId: string | null;
  /** The organization's name when the account was created, so that no reader has to look it up. */
  organizationName: string;
  /** The admin set a first password, which the member must replace at first sign-in. */
  passwordSetByAdmin: boolean;
}

/** Published once per created business account, routing key `member.account.created`. */
export type AccountCreatedEvent = EventEnvelope<'AccountCreated', AccountCreatedData>;

/** 2 added `organizationName` and `passwordSetByAdmin`. */
export const ACCOUNT_CREATED_VERSION = 2;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const accountCreatedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/account-created.v2.json',
  title: 'AccountCreated',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'AccountCreated' },
    version: { const: ACCOUNT_CREATED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['memberId', 'email', 'accountName', 'firstName', 'lastName', 'accountType', 'locale', 'batchId', 'organizationName', 'passwordSetByAdmin'],
      properties: {
        memberId: { type: 'string', minLength: 1 },
        email: { type: 'string', format: 'email' },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        firstName: { type: ['string', 'null'] },
        lastName: { type: ['string', 'null'] },
        accountType: { const: 'business' },
        locale: { enum: ['fr', 'en'] },
        batchId: { type: ['string', 'null'] },
        organizationName: { type: 'string' },
        passwordSetByAdmin: { type: 'boolean' },
      },
    },
  },
} as const;
