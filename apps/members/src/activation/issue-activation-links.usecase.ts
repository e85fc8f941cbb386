import { Injectable } from '@nestjs/common';
import type { IssueActivationLinksCommand, IssuedActivationLinks } from '@app/contracts';
import { MembersEnvironment } from '../config/members.environment';
import { activationToken, newActivationSecret } from './activation-token-codec';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

/**
 * Fresh single-use links for members, handed over the private RPC reply to the notifications
 * service right before it mails them; each member's earlier links stop working. It runs once per
 * mail, so a member's first link is only an insert, all the links of a request at once (a member
 * who had links already costs a read too): whether a member is still pending is checked when the
 * link is used, and what the mail says comes with the event or command that asked for it.
 */
@Injectable()
export class IssueActivationLinksUseCase {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly env: MembersEnvironment,
  ) {}

  async execute(command: IssueActivationLinksCommand): Promise<IssuedActivationLinks> {
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + this.env.ACTIVATION_TTL_HOURS * 3_600_000);
    const issued = command.members.map((member) => ({ member, ...newActivationSecret() }));
    const numbers = await this.tokens.add(
      issued.map(({ member, secretHash }) => ({ tokenHash: secretHash, memberId: member.memberId, organizationId: member.organizationId, createdAt, expiresAt })),
    );
    return {
      links: issued.map(({ member, secret }, index) => {
        const activationUrl = new URL('/activate', this.env.PUBLIC_URL);
        activationUrl.searchParams.set('token', activationToken(member.memberId, numbers[index], secret));
        return { activationUrl: activationUrl.toString(), expiresAt: expiresAt.toISOString() };
      }),
    };
  }
}
