import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ApiException } from '../http/api.exception';
import { AccessTokens } from './access-tokens';
import type { MemberAuthenticatedRequest } from './member-principal';

/**
 * Member routes: a member token, and a session the members service still knows. Every use asks
 * it, so a password change or an activation ends the member's earlier tokens at once, on every
 * gateway, however long they had left.
 */
@Injectable()
export class MemberAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly members: MembersRpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MemberAuthenticatedRequest>();
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    const subject = scheme?.toLowerCase() === 'bearer' && token ? await this.tokens.verifyMember(token) : null;
    if (!subject) throw new ApiException(401, ErrorCode.Unauthorized, 'Sign in first: send "Authorization: Bearer <accessToken>" with a member token.');
    request.member = await this.members.send(MembersRpc.GetMemberSession, subject);
    return true;
  }
}
