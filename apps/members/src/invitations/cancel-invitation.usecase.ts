import { Injectable } from '@nestjs/common';
import { ErrorCode, type InvitationCommand, type InvitationView } from '@app/contracts';
import { invitationCancelled } from '../member-lifecycle/member-events/member-events';
import { MemberEventsPublisher } from '../member-lifecycle/member-events/member-events.publisher';
import { DomainError } from '../rpc/domain.error';
import { toInvitationView } from './domain/invitation-view';
import { InvitationQueries } from './invitation-queries';
import { InvitationsRepository } from './persistence/invitations.repository';

/** An admin cancels a pending invitation (409 `invitation_not_pending` otherwise); `InvitationCancelled` tells it. */
@Injectable()
export class CancelInvitationUseCase {
  constructor(
    private readonly queries: InvitationQueries,
    private readonly invitations: InvitationsRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  async execute(command: InvitationCommand): Promise<InvitationView> {
    const invitation = await this.queries.find(command);
    const notPending = () => new DomainError(ErrorCode.InvitationNotPending, 'This invitation is not pending any more: it was answered, expired or cancelled.');
    if (invitation.status !== 'pending') throw notPending();
    const at = new Date();
    const event = invitationCancelled(
      { invitationId: invitation._id, memberId: invitation.accountId, organizationId: invitation.organizationId, accountName: invitation.accountName, at },
      command.adminId,
    );
    await this.events.prepare(invitation.accountId, event, invitation._id);
    if (!(await this.invitations.end(invitation._id, { status: 'cancelled', at, by: command.adminId, eventId: event.id }))) {
      await this.events.abandon(event);
      throw notPending();
    }
    await this.events.publish(event);
    return toInvitationView({ ...invitation, status: 'cancelled', endedAt: at, endedBy: command.adminId, eventIds: [...invitation.eventIds, event.id] });
  }
}
