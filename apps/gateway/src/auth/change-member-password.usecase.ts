import { Injectable } from '@nestjs/common';
import { MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AccessTokens } from './access-tokens';
import type { MemberAccessTokenResponse } from './dto/access-token-response.dto';
import type { MemberPasswordChange } from './dto/member-password-change.dto';

/** A member's new password; answers a token of the new session, every earlier one having ended. */
@Injectable()
export class ChangeMemberPasswordUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(change: MemberPasswordChange): Promise<MemberAccessTokenResponse> {
    return this.tokens.issueForMember(await this.members.send(MembersRpc.ChangeMemberPassword, change));
  }
}
