import { Injectable } from '@nestjs/common';
import type { InvitationCommand, InvitationView, ListInvitationsCommand, Page } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import type { Invitation } from './domain/invitation';
import { toInvitationView } from './domain/invitation-view';
import { InvitationsRepository } from './persistence/invitations.repository';

/** An organization's invitations as its admins read them: another organization's are unknown (404). */
@Injectable()
export class InvitationQueries {
  constructor(private readonly invitations: InvitationsRepository) {}

  async list(command: ListInvitationsCommand): Promise<Page<InvitationView>> {
    const page = await this.invitations.list(command.organizationId, command.query.status, command.query.page, command.query.limit);
    return { ...page, items: page.items.map(toInvitationView) };
  }

  async get(command: InvitationCommand): Promise<InvitationView> {
    return toInvitationView(await this.find(command));
  }

  async find(command: InvitationCommand): Promise<Invitation> {
    const invitation = await this.invitations.findInOrganization(command.organizationId, command.invitationId);
    if (!invitation) throw DomainError.notFound('This invitation');
    return invitation;
  }
}
