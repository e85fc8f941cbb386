import { Injectable } from '@nestjs/common';
import { type EmailVerificationDetails, type EmailVerificationQuery, ErrorCode } from '@app/contracts';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { AccountActivation } from '../activation/account-activation';
import { parseActivationToken } from '../activation/activation-token-codec';
import { ActivationTokensRepository, type StoredActivationLink } from '../activation/persistence/activation-tokens.repository';
import { DomainError } from '../rpc/domain.error';

interface UsableVerificationLink {
  link: StoredActivationLink;
  account: Account & { passwordHash: string };
}

function detailsOf(account: Account): EmailVerificationDetails {
  return { accountName: account.accountName, email: account.email, locale: account.locale };
}

/**
 * The link mailed to a new personal account's address. Its records are activation links (same
 * numbering, hashing, expiry and single use), told apart by the account they name: a personal
 * one. Using it activates the account with the password chosen at sign-up, through the same
 * once-per-account claim as an activation, so two clicks at once verify it once.
 */
@Injectable()
export class EmailVerificationUseCase {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly accounts: AccountsRepository,
    private readonly activation: AccountActivation,
  ) {}

  /** What the page shows before the person confirms; reading never spends the link. */
  async details(query: EmailVerificationQuery): Promise<EmailVerificationDetails> {
    return detailsOf((await this.resolve(query.token)).account);
  }

  async verify(query: EmailVerificationQuery): Promise<EmailVerificationDetails> {
    const { link, account } = await this.resolve(query.token);
    const { won, claim } = await this.activation.activate(account, {
      tokenHash: link.tokenHash,
      passwordHash: account.passwordHash,
      firstName: account.firstName,
      lastName: account.lastName,
    });
    // The same link posted twice (a double click) is success both times; another link of the account lost.
    if (!won && claim.tokenHash !== link.tokenHash) throw this.used();
    return detailsOf(account);
  }

  private async resolve(token: string): Promise<UsableVerificationLink> {
    const parts = parseActivationToken(token);
    const link = parts ? await this.tokens.findLink(parts) : null;
    const account = link ? await this.accounts.findById(link.memberId) : null;
    if (!link || !account || account.type !== 'personal' || !account.passwordHash) {
      throw new DomainError(ErrorCode.NotFound, 'This verification link is not known.');
    }
    if (account.activatedAt) throw this.used();
    if (link.expiresAt.getTime() <= Date.now() || (await this.tokens.isSuperseded(link))) {
      throw new DomainError(ErrorCode.ActivationLinkExpired, 'This verification link has expired or was replaced by a newer one.');
    }
    return { link, account: account as Account & { passwordHash: string } };
  }

  private used(): DomainError {
    return new DomainError(ErrorCode.ActivationLinkUsed, 'This verification link has already been used.');
  }
}
