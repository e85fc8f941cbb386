import { ACCOUNT_CREATED_VERSION, type AccountCreatedData, type AccountCreatedEvent, type Locale } from '@app/contracts';
import { deterministicUuid } from '../../persistence/deterministic-uuid';

/** What differs between the AccountCreated events of one chunk. */
export type CreatedMember = Pick<AccountCreatedData, 'memberId' | 'email' | 'accountName' | 'firstName' | 'lastName' | 'passwordSetByAdmin'>;

/** The accounts one commit job created in a chunk: what their AccountCreated events say. */
export interface CreatedAccounts {
  /** `<batchId>:<chunk>`. */
  id: string;
  organizationId: string;
  batchId: string;
  locale: Locale;
  organizationName: string;
  occurredAt: Date;
  members: CreatedMember[];
}

/** One AccountCreated per member created in a chunk. */
export function accountCreatedEvents(created: CreatedAccounts): AccountCreatedEvent[] {
  return created.members.map((member) => ({
    // The same id every time for a member's AccountCreated: a chunk committed again repeats, not adds.
    id: deterministicUuid(`AccountCreated:${member.memberId}`),
    type: 'AccountCreated',
    version: ACCOUNT_CREATED_VERSION,
    occurredAt: created.occurredAt.toISOString(),
    organizationId: created.organizationId,
    data: { ...member, accountType: 'business', locale: created.locale, batchId: created.batchId, organizationName: created.organizationName },
  }));
}
