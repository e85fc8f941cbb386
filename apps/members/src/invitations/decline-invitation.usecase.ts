import { Injectable } from '@nestjs/common';
import { ErrorCode, type PersonInvitationCommand, type ReceivedInvitationView } from '@app/contracts';
import { invitationDeclined } from '../member-lifecycle/member-events/member-events';
import { MemberEventsPublisher } from '../member-lifecycle/member-events/member-events.publisher';
import { DomainError } from '../rpc/domain.error';
import { answerableNow } from './invitation-answers';
import { InvitationsRepository } from './persistence/invitations.repository';
import { ReceivedInvitations } from './received-invitations';

/** The invited person declines a pending invitation not past its expiry; `InvitationDeclined` tells it. */
@Injectable()
export class DeclineInvitationUseCase {
  constructor(
    private readonly received: ReceivedInvitations,
    private readonly invitations: InvitationsRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  async execute(command: PersonInvitationCommand): Promise<ReceivedInvitationView> {
    const invitation = await this.received.find(command);
    const at = new Date();
    answerableNow(invitation, at);
    const event = invitationDeclined({ invitationId: invitation._id, memberId: invitation.accountId, organizationId: invitation.organizationId, accountName: invitation.accountName, at });
    await this.events.prepare(invitation.accountId, event, invitation._id);
    if (!(await this.invitations.end(invitation._id, { status: 'declined', at, by: null, eventId: event.id }))) {
      await this.events.abandon(event);
      throw new DomainError(ErrorCode.InvitationNotPending, 'This invitation is not pending any more.');
    }
    await this.events.publish(event);
    return this.received.toView({ ...invitation, status: 'declined', endedAt: at });
  }
}
