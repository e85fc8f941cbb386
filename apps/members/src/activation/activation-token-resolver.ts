import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DomainError } from '../rpc/domain.error';
import { parseActivationToken } from './activation-token-codec';
import { ActivationTokensRepository, type StoredActivationLink } from './persistence/activation-tokens.repository';

interface UsableActivationLink {
  link: StoredActivationLink;
  account: Account;
}

/** A token the member may still use, or the reason it cannot be: unknown (404), used or expired (410). */
@Injectable()
export class ActivationTokenResolver {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  async resolve(token: string): Promise<UsableActivationLink> {
    const parts = parseActivationToken(token);
    const link = parts ? await this.tokens.findLink(parts) : null;
    const account = link ? await this.accounts.findById(link.memberId) : null;
    // A personal account's link verifies its address, on /verify-email: it activates nothing here.
    if (!link || !account || account.type === 'personal') throw new DomainError(ErrorCode.NotFound, 'This activation link is not known.');
    // A link is spent exactly when its account has the member's own password: an activated
    // member's other links are spent too, since only one of them could have been used.
    if (account.activatedAt) throw new DomainError(ErrorCode.ActivationLinkUsed, 'This activation link has already been used.');
    // Suspension revokes the member's links; a link checked while it was being written is refused here.
    if (account.status === 'suspended' || link.expiresAt.getTime() <= Date.now() || (await this.tokens.isSuperseded(link))) {
      throw new DomainError(ErrorCode.ActivationLinkExpired, 'This activation link has expired or was replaced by a newer one.');
    }
    return { link, account };
  }
}
