import { Injectable } from '@nestjs/common';
import type { PersonCommand, PersonInvitationCommand, ReceivedInvitationView } from '@app/contracts';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import type { Invitation } from './domain/invitation';
import { receivedOrder, toReceivedInvitationView } from './domain/invitation-view';
import { InvitationsRepository } from './persistence/invitations.repository';

/**
 * A person's own invitations: an invitation exists only for the account it names, so anyone
 * else asking for it is answered 404, as for an id that does not exist.
 */
@Injectable()
export class ReceivedInvitations {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async list(command: PersonCommand): Promise<{ items: ReceivedInvitationView[] }> {
    const invitations = (await this.invitations.ofAccount(command.memberId)).sort(receivedOrder);
    const names = new Map<string, string>();
    for (const organizationId of new Set(invitations.map((invitation) => invitation.organizationId))) {
      names.set(organizationId, (await this.organizations.findById(organizationId))?.name ?? '');
    }
    return { items: invitations.map((invitation) => this.view(invitation, names.get(invitation.organizationId) ?? '')) };
  }

  async get(command: PersonInvitationCommand): Promise<ReceivedInvitationView> {
    return this.toView(await this.find(command));
  }

  async find(command: PersonInvitationCommand): Promise<Invitation> {
    const invitation = await this.invitations.findById(command.invitationId);
    if (!invitation || invitation.accountId !== command.memberId) throw DomainError.notFound('This invitation');
    return invitation;
  }

  async toView(invitation: Invitation): Promise<ReceivedInvitationView> {
    return this.view(invitation, (await this.organizations.findById(invitation.organizationId))?.name ?? '');
  }

  private view(invitation: Invitation, organizationName: string): ReceivedInvitationView {
    return { ...toReceivedInvitationView(invitation, organizationName), organizationId: invitation.organizationId };
  }
}
