import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ErrorCode, type MemberAccountView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AccessTokens } from '../auth/access-tokens';
import { AccountPageResponder } from './account-page-responder';
import { refusalOf } from './members-refusal';

/** Where a sign-in may lead back to: an invitation's page, or the account page. Anything else is the account page. */
const SAFE_NEXT = /^\/(invitations\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|account)$/i;

export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && SAFE_NEXT.test(next) ? next : null;
}

/** The member signed in on the people's pages: the session cookie's token, while the members service says it is still theirs. */
@Injectable()
export class MemberPageSession {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly members: MembersRpcClient,
    private readonly responder: AccountPageResponder,
  ) {}

  async member(request: Request): Promise<MemberAccountView | null> {
    const token = this.responder.sessionToken(request);
    const subject = token ? await this.tokens.verifyMember(token) : null;
    if (!subject) return null;
    try {
      return await this.members.send(MembersRpc.GetMemberSession, subject);
    } catch (error) {
      if (refusalOf(error)?.code === ErrorCode.Unauthorized) return null;
      throw error;
    }
  }
}
