import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DomainError } from '../rpc/domain.error';
import { hashActivationToken } from './activation-token-codec';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

interface UsableActivationToken {
  hash: string;
  account: Account;
}

/** A token the member may still use, or the reason it cannot be: unknown (404), used or expired (410). */
@Injectable()
export class ActivationTokenResolver {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  async resolve(token: string): Promise<UsableActivationToken> {
    const hash = hashActivationToken(token);
    const stored = await this.tokens.findLinkByHash(hash);
    const account = stored ? await this.accounts.findById(stored.memberId) : null;
    if (!stored || !account) throw new DomainError(ErrorCode.NotFound, 'This activation link is not known.');
    // An activated member's other links are spent too: only one of them could have been used.
    if (account.activatedAt || (await this.tokens.isUsed(hash))) throw new DomainError(ErrorCode.ActivationLinkUsed, 'This activation link has already been used.');
    if (stored.expiresAt.getTime() <= Date.now() || (await this.tokens.isSuperseded(stored))) {
      throw new DomainError(ErrorCode.ActivationLinkExpired, 'This activation link has expired or was replaced by a newer one.');
    }
    return { hash, account };
  }
}
