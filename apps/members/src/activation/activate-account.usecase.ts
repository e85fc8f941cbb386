import { Injectable } from '@nestjs/common';
import { type ActivateAccountCommand, type ActivationDetails, type ActivationTokenQuery, ErrorCode } from '@app/contracts';
import { PasswordHasher } from '../credentials/password-hasher';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { AccountActivation } from './account-activation';
import { ActivationTokenResolver } from './activation-token-resolver';

function trimmedOr(value: string | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value.trim() || null;
}

@Injectable()
export class ActivateAccountUseCase {
  constructor(
    private readonly resolver: ActivationTokenResolver,
    private readonly activation: AccountActivation,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** What the activation page shows; reading never spends the token. */
  async details(query: ActivationTokenQuery): Promise<ActivationDetails> {
    const { account } = await this.resolver.resolve(query.token);
    const organization = await this.organizations.findById(account.organizationId);
    return {
      memberId: account._id,
      accountName: account.accountName,
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      organizationName: organization?.name ?? '',
      locale: account.locale,
    };
  }

  /**
   * Sets the member's own password and names, which spends the link: once per member, even under
   * concurrent posts of one link or of two. The same form posted again (a double submit, or a
   * retry after the service stopped half-way) answers success; another password answers "used".
   */
  async activate(command: ActivateAccountCommand): Promise<ActivationDetails> {
    const { link, account } = await this.resolver.resolve(command.token);
    const weak = checkPasswordPolicy(command.password, { accountName: account.accountName, email: account.email });
    if (weak) throw new DomainError(weak.code, weak.message, [{ field: 'password', code: weak.code, message: weak.message }]);
    const passwordHash = await this.hasher.hash(command.password);
    const firstName = trimmedOr(command.firstName, account.firstName);
    const lastName = trimmedOr(command.lastName, account.lastName);
    const { won, claim } = await this.activation.activate(account, { tokenHash: link.tokenHash, passwordHash, firstName, lastName });
    if (!won && !(await this.activation.isRepeatOf(claim, link.tokenHash, command.password))) {
      throw new DomainError(ErrorCode.ActivationLinkUsed, 'This activation link has already been used.');
    }
    const organization = await this.organizations.findById(account.organizationId);
    return {
      memberId: account._id,
      accountName: account.accountName,
      email: account.email,
      firstName: claim.firstName,
      lastName: claim.lastName,
      organizationName: organization?.name ?? '',
      locale: account.locale,
    };
  }
}
