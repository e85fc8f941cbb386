import { Injectable } from '@nestjs/common';
import { type ActivateAccountCommand, type ActivationDetails, type ActivationTokenQuery, ErrorCode } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { PasswordHasher } from '../credentials/password-hasher';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { ActivationTokenResolver } from './activation-token-resolver';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

function trimmedOr(value: string | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value.trim() || null;
}

@Injectable()
export class ActivateAccountUseCase {
  constructor(
    private readonly resolver: ActivationTokenResolver,
    private readonly tokens: ActivationTokensRepository,
    private readonly accounts: AccountsRepository,
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

  /** Sets the member's password and names, and spends the token: once, even under concurrent posts. */
  async activate(command: ActivateAccountCommand): Promise<ActivationDetails> {
    const { hash, account } = await this.resolver.resolve(command.token);
    const weak = checkPasswordPolicy(command.password, { accountName: account.accountName, email: account.email });
    if (weak) throw new DomainError(weak.code, weak.message, [{ field: 'password', code: weak.code, message: weak.message }]);
    const passwordHash = await this.hasher.hash(command.password);
    if (!(await this.tokens.markUsed(hash))) throw new DomainError(ErrorCode.ActivationLinkUsed, 'This activation link has already been used.');
    const firstName = trimmedOr(command.firstName, account.firstName);
    const lastName = trimmedOr(command.lastName, account.lastName);
    await this.accounts.activate(account._id, { passwordHash, firstName, lastName });
    const organization = await this.organizations.findById(account.organizationId);
    return {
      memberId: account._id,
      accountName: account.accountName,
      email: account.email,
      firstName,
      lastName,
      organizationName: organization?.name ?? '',
      locale: account.locale,
    };
  }
}
