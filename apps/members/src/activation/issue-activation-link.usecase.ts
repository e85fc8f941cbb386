import { Injectable } from '@nestjs/common';
import type { ActivationLink, IssueActivationLinkCommand } from '@app/contracts';
import { MembersEnvironment } from '../config/members.environment';
import { newActivationToken } from './activation-token-codec';
import { ActivationTokensRepository } from './persistence/activation-tokens.repository';

/**
 * A fresh single-use link for a member, handed over the private RPC reply to the notifications
 * service right before it mails it; earlier links of the member stop working. It runs once per
 * mail, so it only inserts: whether the member is still pending is checked when the link is used,
 * and what the mail says comes with the event or command that asked for it.
 */
@Injectable()
export class IssueActivationLinkUseCase {
  constructor(
    private readonly tokens: ActivationTokensRepository,
    private readonly env: MembersEnvironment,
  ) {}

  async execute(command: IssueActivationLinkCommand): Promise<ActivationLink> {
    const { token, hash } = newActivationToken();
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + this.env.ACTIVATION_TTL_HOURS * 3_600_000);
    await this.tokens.add({ _id: hash, memberId: command.memberId, organizationId: command.organizationId, createdAt, expiresAt });
    const activationUrl = new URL('/activate', this.env.PUBLIC_URL);
    activationUrl.searchParams.set('token', token);
    return { activationUrl: activationUrl.toString(), expiresAt: expiresAt.toISOString() };
  }
}
