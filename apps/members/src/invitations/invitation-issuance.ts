import { Injectable } from '@nestjs/common';
import type { Account } from '../accounts/account';
import { MembersEnvironment } from '../config/members.environment';
import { memberInvited } from '../member-lifecycle/member-events/member-events';
import { MemberEventsPublisher } from '../member-lifecycle/member-events/member-events.publisher';
import type { Invitation } from './domain/invitation';
import { invitationExpiresAt } from './domain/invitation-expiry';
import { InvitationsRepository } from './persistence/invitations.repository';

/** Who invites whom, under which invitation id. */
export interface InvitationRequest {
  invitationId: string;
  account: Account;
  organizationId: string;
  organizationName: string;
  adminId: string;
  batchId: string | null;
}

/**
 * Writes one invitation and tells it with `MemberInvited` (what the invitation mail says), in the
 * order every change of an invitation follows: the event in `member_events_outbox`, the
 * invitation inserted with the event's id, the event published with confirms. An invitation
 * written before under the same id (a batch's commit redone) is kept as it is, and its event,
 * whose id is derived from the invitation's, is published again.
 */
@Injectable()
export class InvitationIssuance {
  constructor(
    private readonly env: MembersEnvironment,
    private readonly invitations: InvitationsRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  async issue(request: InvitationRequest, now = new Date()): Promise<Invitation> {
    return (await this.write(request, now, 'tell again'))!;
  }

  /**
   * As `issue`, for an invitation that must be new: null when one was written under the same id
   * before (another request won; it tells the event).
   */
  issueOnce(request: InvitationRequest, now = new Date()): Promise<Invitation | null> {
    return this.write(request, now, 'refuse');
  }

  private async write(request: InvitationRequest, now: Date, writtenBefore: 'tell again' | 'refuse'): Promise<Invitation | null> {
    const { account } = request;
    const invitation: Invitation = {
      _id: request.invitationId,
      organizationId: request.organizationId,
      accountId: account._id,
      accountName: account.accountName,
      email: account.email,
      firstName: account.firstName,
      locale: account.locale,
      status: 'pending',
      invitedBy: request.adminId,
      batchId: request.batchId,
      createdAt: now,
      expiresAt: invitationExpiresAt(now, this.env.INVITATION_TTL_HOURS),
      lastSentAt: now,
      endedAt: null,
      endedBy: null,
      membershipEnded: null,
      eventIds: [],
    };
    const event = this.eventOf(invitation, request.organizationName);
    await this.events.prepare(account._id, event, invitation._id);
    if ((await this.invitations.insert({ ...invitation, eventIds: [event.id] })) === 'inserted') {
      await this.events.publish(event);
      return { ...invitation, eventIds: [event.id] };
    }
    // The outbox entry is the winner's too (same event id): it stays for the relay.
    if (writtenBefore === 'refuse') return null;
    const earlier = await this.invitations.findById(invitation._id);
    if (!earlier) throw new Error(`invitation ${invitation._id} was refused as a duplicate but cannot be read`);
    // Same id as the first attempt's event; told as the first attempt wrote it.
    await this.events.publish(this.eventOf(earlier, request.organizationName));
    return earlier;
  }

  /** Whether this invitation was written already (a batch's commit redone). */
  async exists(invitationId: string): Promise<boolean> {
    return (await this.invitations.findById(invitationId)) !== null;
  }

  private eventOf(invitation: Invitation, organizationName: string) {
    return memberInvited(
      { invitationId: invitation._id, memberId: invitation.accountId, organizationId: invitation.organizationId, accountName: invitation.accountName, at: invitation.createdAt },
      {
        email: invitation.email,
        firstName: invitation.firstName,
        locale: invitation.locale,
        organizationName,
        batchId: invitation.batchId,
        invitedByAdminId: invitation.invitedBy,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    );
  }
}
