import type { EventEnvelope } from './event-envelope';

/** Nothing personal: the account's address, names and password are erased, and this names it by id and account name only. */
export interface AccountDeletedData {
  memberId: string;
  accountName: string;
  accountType: 'business';
  deletedByAdminId: string;
}

/** Published once when an admin deletes a business account for good, routing key `member.account.deleted`. */
export type AccountDeletedEvent = EventEnvelope<'AccountDeleted', AccountDeletedData>;

export const ACCOUNT_DELETED_VERSION = 1;

/** JSON Schema (draft 2020-12) of the event, for subscribers in any language. */
export const accountDeletedEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://roster.dev/schemas/events/account-deleted.v1.json',
  title: 'AccountDeleted',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'organizationId', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { const: 'AccountDeleted' },
    version: { const: ACCOUNT_DELETED_VERSION },
    occurredAt: { type: 'string', format: 'date-time' },
    organizationId: { type: 'string', minLength: 1 },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['memberId', 'accountName', 'accountType', 'deletedByAdminId'],
      properties: {
        memberId: { type: 'string', minLength: 1 },
        accountName: { type: 'string', pattern: '^[a-z][a-z0-9._-]{5,31}$' },
        accountType: { const: 'business' },
        deletedByAdminId: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
