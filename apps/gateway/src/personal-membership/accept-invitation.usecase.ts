import { Injectable } from '@nestjs/common';
import { MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AccessTokens } from '../auth/access-tokens';
import type { MemberAccessTokenResponse } from '../auth/dto/access-token-response.dto';

/**
 * The person accepts an invitation addressed to them. Joining moves their session on (the token
 * names the organization), so they get a token of the new session at once; the old one has ended.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(memberId: string, invitationId: string): Promise<MemberAccessTokenResponse> {
    return this.tokens.issueForMember(await this.members.send(MembersRpc.AcceptInvitation, { memberId, invitationId }));
  }
}
