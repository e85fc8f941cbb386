import { Injectable } from '@nestjs/common';
import type { IssuedVerificationLinks, IssueVerificationLinksCommand } from '@app/contracts';
import { activationToken, newActivationSecret } from '../activation/activation-token-codec';
import { ActivationTokensRepository } from '../activation/persistence/activation-tokens.repository';
import { MembersEnvironment } from '../config/members.environment';

/**
 * Fresh verification links, handed over the private RPC reply to the notifications service right
 * before it mails them, as activation links are: only their hashes are stored, and each ends the
 * account's earlier links. Whether the account still needs one is checked when it is used.
 */
@Injectable()
export class IssueVerificationLinksUseCase {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly env: MembersEnvironment,
  ) {}

  async execute(command: IssueVerificationLinksCommand): Promise<IssuedVerificationLinks> {
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + this.env.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    const issued = command.accounts.map((account) => ({ account, ...newActivationSecret() }));
    // A personal account has no organization: its links name none.
    const numbers = await this.tokens.add(issued.map(({ account, secretHash }) => ({ tokenHash: secretHash, memberId: account.accountId, organizationId: '', createdAt, expiresAt })));
    return {
      links: issued.map(({ account, secret }, index) => {
        const url = new URL('/verify-email', this.env.PUBLIC_URL);
        url.searchParams.set('token', activationToken(account.accountId, numbers[index], secret));
        return { verificationUrl: url.toString(), expiresAt: expiresAt.toISOString() };
      }),
    };
  }
}
