import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberIdentity, type PersonInvitationCommand } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { memberJoined } from '../member-lifecycle/member-events/member-events';
import { MemberEventsPublisher } from '../member-lifecycle/member-events/member-events.publisher';
import { memberIdentity } from '../member-sign-in/member-credentials-check';
import { DomainError } from '../rpc/domain.error';
import { answerableNow } from './invitation-answers';
import { InvitationsRepository } from './persistence/invitations.repository';
import { MembershipsRepository } from './persistence/memberships.repository';
import { ReceivedInvitations } from './received-invitations';

/**
 * The invited person accepts: the personal account becomes a member of the organization. The
 * membership is inserted under the account's id, and that unique insert is the one-organization
 * rule: of two acceptances at the same moment (two organizations' invitations), exactly one
 * inserts, the other answers 409 `already_in_an_organization`. Then, in an order that accepting
 * again after a crash finishes: the account joins (organization, `joinedAt`, a new session
 * version), the invitation is marked accepted with the `MemberJoined` event's id, the event is
 * published. Answers the new identity: the gateway issues a token for the organization.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly received: ReceivedInvitations,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly accounts: AccountsRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  async execute(command: PersonInvitationCommand): Promise<MemberIdentity> {
    const invitation = await this.received.find(command);
    const account = await this.accounts.findById(invitation.accountId);
    if (!account || account.type !== 'personal') throw DomainError.notFound('This invitation');
    const alreadyIn = () => new DomainError(ErrorCode.AlreadyInAnOrganization, 'You are a member of an organization already: leave it before joining another.');
    const joinedBy = await this.memberships.findById(account._id);
    // The same acceptance asked again after it stopped half-way finishes it; anything else is refused.
    const resuming = joinedBy?.invitationId === invitation._id && invitation.status !== 'declined' && invitation.status !== 'cancelled';
    if (!resuming) {
      if (joinedBy || account.organizationId) throw alreadyIn();
      answerableNow(invitation, new Date());
    }
    const at = joinedBy?.joinedAt ?? new Date();
    const event = memberJoined({ invitationId: invitation._id, memberId: account._id, organizationId: invitation.organizationId, accountName: account.accountName, at });
    await this.events.prepare(account._id, event, invitation._id);
    if (!resuming && (await this.memberships.insert({ _id: account._id, organizationId: invitation.organizationId, invitationId: invitation._id, joinedAt: at })) === 'duplicate') {
      const winner = await this.memberships.findById(account._id);
      if (winner?.invitationId !== invitation._id) {
        await this.events.abandon(event);
        throw alreadyIn();
      }
    }
    const sessionVersion = (account.sessionVersion ?? 0) + 1;
    const joined = await this.accounts.joinOrganization(account._id, invitation.organizationId, at, sessionVersion);
    if (!(await this.invitations.end(invitation._id, { status: 'accepted', at, by: null, eventId: event.id })) && invitation.status !== 'accepted') {
      // Cancelled or expired while it was being accepted: the membership is given back.
      const current = await this.invitations.findById(invitation._id);
      if (current?.status !== 'accepted') {
        if (joined) await this.accounts.leaveOrganization(account._id, invitation.organizationId, sessionVersion + 1);
        await this.memberships.remove(account._id, invitation._id);
        await this.events.abandon(event);
        throw new DomainError(ErrorCode.InvitationNotPending, 'This invitation was cancelled or expired meanwhile.');
      }
    }
    await this.events.publish(event);
    const current = joined ? { ...account, organizationId: invitation.organizationId, joinedAt: at, sessionVersion } : await this.accounts.findById(account._id);
    if (!current) throw DomainError.notFound('This invitation');
    return memberIdentity(current);
  }
}
