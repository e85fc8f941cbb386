import { Injectable } from '@nestjs/common';
import { MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AccessTokens } from './access-tokens';
import type { MemberAccessTokenResponse } from './dto/access-token-response.dto';
import type { MemberCredentials } from './dto/member-credentials.dto';

/**
 * Member sign-in by account name or email. The members service resolves either to the account,
 * and counts attempts against the account, so both identifiers share one lockout.
 */
@Injectable()
export class MemberLoginUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: MemberCredentials): Promise<MemberAccessTokenResponse> {
    return this.tokens.issueForMember(await this.members.send(MembersRpc.VerifyMember, credentials));
  }
}
