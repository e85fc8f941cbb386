import { Injectable } from '@nestjs/common';
import type { OutboxDocument, OutboxSource } from '../../events/outbox-source';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../../accounts/persistence/deleted-accounts.repository';
import { InvitationsRepository } from '../../invitations/persistence/invitations.repository';
import type { MemberEventEntry } from './member-event-entry';
import { MemberEventsOutboxRepository } from './persistence/member-events-outbox.repository';

/** Younger entries are still being published by the request that wrote them. */
const SETTLE_MS = 10_000;
/** An entry whose change has not happened after this never will: its request failed. */
const ABANDON_MS = 120_000;
/** Entries read a round, to see past the few that are still settling. */
const READ_PER_ROUND = 50;

/**
 * Member events the broker did not confirm, or whose request stopped before publishing. Each is
 * written before its change, so the relay first checks, by `_id`, that the change happened: the
 * account keeps the id of the event of each suspension and reactivation, a deletion is done
 * once the tombstone exists and the account document is gone, and an invitation keeps the ids of
 * the events of its changes and of the membership it led to (written last of each change).
 */
@Injectable()
export class MemberEventsOutbox implements OutboxSource {
  readonly name = 'member_events_outbox';

  constructor(
    private readonly outbox: MemberEventsOutboxRepository,
    private readonly accounts: AccountsRepository,
    private readonly deleted: DeletedAccountsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async pending(limit: number): Promise<OutboxDocument[]> {
    const now = Date.now();
    const ready: MemberEventEntry[] = [];
    const abandoned: string[] = [];
    for (const entry of await this.outbox.pending(READ_PER_ROUND)) {
      const age = now - entry.createdAt.getTime();
      if (age < SETTLE_MS) continue;
      if (await this.happened(entry)) ready.push(entry);
      else if (age > ABANDON_MS) abandoned.push(entry._id);
      if (ready.length >= limit) break;
    }
    await this.outbox.remove(abandoned);
    return ready.map((entry) => ({ documentId: entry._id, entries: [{ eventId: entry._id, type: entry.type, routingKey: entry.routingKey, event: JSON.parse(entry.event) }] }));
  }

  markPublished(documentIds: string[]): Promise<void> {
    return this.outbox.remove(documentIds);
  }

  private async happened(entry: MemberEventEntry): Promise<boolean> {
    if (entry.invitationId) return (await this.invitations.findById(entry.invitationId))?.eventIds.includes(entry._id) ?? false;
    if (entry.type === 'AccountDeleted') return (await this.deleted.findById(entry.memberId)) !== null && (await this.accounts.findById(entry.memberId)) === null;
    const account = await this.accounts.findById(entry.memberId);
    return account?.statusChanges?.some((change) => change.eventId === entry._id) ?? false;
  }
}
