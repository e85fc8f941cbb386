import { ACCOUNT_CREATED_VERSION, type AccountCreatedEvent } from '@app/contracts';
import { deterministicUuid } from '../persistence/deterministic-uuid';
import type { CreatedAccounts } from './persistence/account-events-outbox.repository';

/** One AccountCreated per member created in a chunk. */
export function accountCreatedEvents(created: CreatedAccounts): AccountCreatedEvent[] {
  return created.members.map((member) => ({
    // The same id every time for a member's AccountCreated: a chunk committed again repeats, not adds.
    id: deterministicUuid(`AccountCreated:${member.memberId}`),
    type: 'AccountCreated',
    version: ACCOUNT_CREATED_VERSION,
    occurredAt: created.occurredAt.toISOString(),
    organizationId: created.organizationId,
    data: { ...member, accountType: 'business', locale: created.locale, batchId: created.batchId },
  }));
}
