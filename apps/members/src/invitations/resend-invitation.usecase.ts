import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, Exchanges, type InvitationCommand, type InvitationView, MessagePriority, RoutingKeys, type SendInvitationEmailCommand } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { isPastExpiry } from './domain/invitation-expiry';
import { toInvitationView } from './domain/invitation-view';
import { InvitationQueries } from './invitation-queries';
import { InvitationsRepository } from './persistence/invitations.repository';

/**
 * An admin asks for the invitation mail again: a private `SendInvitationEmail` command on
 * `roster.commands`, published with confirms (503 when no mail service takes it), then
 * `lastSentAt` moves. Only a pending invitation not past its expiry; the expiry stays.
 */
@Injectable()
export class ResendInvitationUseCase {
  constructor(
    private readonly queries: InvitationQueries,
    private readonly invitations: InvitationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly publisher: ConfirmedPublisher,
  ) {}

  async execute(command: InvitationCommand): Promise<InvitationView> {
    const invitation = await this.queries.find(command);
    if (invitation.status !== 'pending') throw new DomainError(ErrorCode.InvitationNotPending, `This invitation is ${invitation.status}: only a pending invitation is sent again.`);
    const now = new Date();
    if (isPastExpiry(invitation, now)) throw new DomainError(ErrorCode.InvitationExpired, 'This invitation has expired: invite the person again.');
    const [account, organization] = await Promise.all([this.accounts.findById(invitation.accountId), this.organizations.findById(invitation.organizationId)]);
    if (!account || !organization) throw new DomainError(ErrorCode.MemberDeleted, 'The invited account was deleted.');
    const message: SendInvitationEmailCommand = {
      id: randomUUID(),
      requestedAt: now.toISOString(),
      invitationId: invitation._id,
      memberId: account._id,
      email: account.email,
      accountName: account.accountName,
      firstName: account.firstName,
      locale: account.locale,
      organizationName: organization.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
    await this.send(message);
    await this.invitations.markSent(invitation._id, now);
    return toInvitationView({ ...invitation, lastSentAt: now });
  }

  private async send(message: SendInvitationEmailCommand): Promise<void> {
    const unavailable = new DomainError(ErrorCode.ServiceUnavailable, 'The mail service cannot take the request right now; try again shortly.');
    let routed: boolean;
    try {
      ({ routed } = await this.publisher.publish(Exchanges.Commands, RoutingKeys.SendInvitationEmail, message, {
        messageId: message.id,
        type: 'SendInvitationEmail',
        priority: MessagePriority.Interactive,
      }));
    } catch {
      throw unavailable;
    }
    if (!routed) throw unavailable;
  }
}
