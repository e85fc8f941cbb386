import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, Exchanges, type MemberCommand, MessagePriority, RoutingKeys, type SendActivationEmailCommand } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { AccountActivation } from './account-activation';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

/**
 * The admin asks for a new activation email: the previous link stops working at once, and the
 * notifications service is told privately (never on the public events exchange) to send a new
 * one, with what the mail says, so that sending it reads nothing back.
 */
@Injectable()
export class ResendActivationEmailUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly tokens: ActivationTokensRepository,
    private readonly activation: AccountActivation,
    private readonly publisher: ConfirmedPublisher,
  ) {}

  async execute(command: MemberCommand): Promise<void> {
    const account = await this.accounts.findInOrganization(command.organizationId, command.memberId);
    if (!account) throw DomainError.notFound('This member');
    if (account.status === 'suspended') throw new DomainError(ErrorCode.MemberSuspended, 'This member is suspended: reactivate the account before sending a new activation email.');
    // An activation interrupted half-way is finished here rather than undone by a new link.
    if (account.activatedAt || (await this.activation.completeInterrupted(account._id))) {
      throw new DomainError(ErrorCode.AlreadyActive, 'This member has already activated the account.');
    }
    await this.tokens.revokeAllForMember(account._id, command.organizationId);
    const organization = await this.organizations.findById(command.organizationId);
    const message: SendActivationEmailCommand = {
      id: randomUUID(),
      requestedAt: new Date().toISOString(),
      memberId: account._id,
      organizationId: command.organizationId,
      email: account.email,
      accountName: account.accountName,
      firstName: account.firstName,
      organizationName: organization?.name ?? '',
      locale: account.locale,
      passwordSetByAdmin: account.mustChangePassword,
    };
    const unavailable = new DomainError(ErrorCode.ServiceUnavailable, 'The mail service cannot take the request right now; try again shortly.');
    try {
      const { routed } = await this.publisher.publish(Exchanges.Commands, RoutingKeys.SendActivationEmail, message, {
        messageId: message.id,
        type: 'SendActivationEmail',
        priority: MessagePriority.Interactive,
      });
      if (!routed) throw unavailable;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unavailable;
    }
  }
}
