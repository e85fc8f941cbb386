import { Injectable } from '@nestjs/common';
import type { MemberRemovedReason } from '@app/contracts';
import type { Account } from '../../accounts/account';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { InvitationsRepository } from '../../invitations/persistence/invitations.repository';
import { MembershipsRepository } from '../../invitations/persistence/memberships.repository';
import { memberRemoved } from './member-events';
import { MemberEventsPublisher } from './member-events.publisher';

/**
 * A personal member stops being a member: it left, an admin removed it, or its owner deleted it.
 * In an order that asking again after a crash finishes, all by `_id`: `MemberRemoved` in the
 * outbox; the account back to no organization (its tokens end with the session version); the
 * accepted invitation records when and why the membership ended, with the event's id; the
 * membership document goes last (until then, asking again finds it and does every step again);
 * the event is published. The account stays its owner's.
 */
@Injectable()
export class MembershipEnding {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  /**
   * Ends the account's membership (of `organizationId` only, when given); answers the account as it
   * is now, or null when it was a member of none (or not of that organization).
   */
  async end(account: Account, organizationId: string | null, reason: MemberRemovedReason, adminId: string | null): Promise<Account | null> {
    const membership = await this.memberships.findById(account._id);
    if (!membership || (organizationId !== null && membership.organizationId !== organizationId)) return null;
    const at = new Date();
    const event = memberRemoved(
      { invitationId: membership.invitationId, memberId: account._id, organizationId: membership.organizationId, accountName: account.accountName, at },
      reason,
      adminId,
    );
    await this.events.prepare(account._id, event, membership.invitationId);
    const sessionVersion = (account.sessionVersion ?? 0) + 1;
    const left = await this.accounts.leaveOrganization(account._id, membership.organizationId, sessionVersion);
    await this.invitations.recordMembershipEnded(membership.invitationId, { at, reason, by: adminId }, event.id);
    await this.memberships.remove(account._id, membership.invitationId);
    await this.events.publish(event);
    return left ? { ...account, organizationId: null, joinedAt: null, sessionVersion } : await this.accounts.findById(account._id);
  }
}
