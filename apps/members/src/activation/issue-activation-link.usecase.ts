import { Injectable } from '@nestjs/common';
import { type ActivationLink, ErrorCode, type IssueActivationLinkCommand } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { MembersEnvironment } from '../config/members.environment';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { newActivationToken } from './activation-token-codec';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

/**
 * A fresh single-use link for a member, handed over the private RPC reply to the notifications
 * service right before it mails it; earlier links of the member stop working.
 */
@Injectable()
export class IssueActivationLinkUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly tokens: ActivationTokensRepository,
    private readonly env: MembersEnvironment,
  ) {}

  async execute(command: IssueActivationLinkCommand): Promise<ActivationLink> {
    const account = await this.accounts.findById(command.memberId);
    if (!account) throw DomainError.notFound('This member');
    if (account.activatedAt) throw new DomainError(ErrorCode.AlreadyActive, 'This member has already activated the account.');
    const organization = await this.organizations.findById(account.organizationId);
    const { token, hash } = newActivationToken();
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + this.env.ACTIVATION_TTL_HOURS * 3_600_000);
    await this.tokens.replaceForMember({ _id: hash, memberId: account._id, organizationId: account.organizationId, createdAt, expiresAt, revokedAt: null });
    const activationUrl = new URL('/activate', this.env.PUBLIC_URL);
    activationUrl.searchParams.set('token', token);
    return {
      memberId: account._id,
      email: account.email,
      accountName: account.accountName,
      firstName: account.firstName,
      organizationName: organization?.name ?? '',
      locale: account.locale,
      activationUrl: activationUrl.toString(),
      expiresAt: expiresAt.toISOString(),
      temporaryPasswordSet: account.mustChangePassword,
    };
  }
}
