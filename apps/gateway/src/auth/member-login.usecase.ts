import { Injectable } from '@nestjs/common';
import { type MemberIdentity, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ApiException } from '../http/api.exception';
import { AccessTokens } from './access-tokens';
import type { MemberAccessTokenResponse } from './dto/access-token-response.dto';
import type { MemberCredentials } from './dto/member-credentials.dto';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class MemberLoginUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: MemberCredentials): Promise<MemberAccessTokenResponse> {
    // Account names and emails are both matched without case by the members service: so is the key.
    const key = `member:${credentials.login.trim().toLowerCase()}`;
    await this.throttle.assertAllowed(key);
    let identity: MemberIdentity;
    try {
      identity = await this.members.send(MembersRpc.VerifyMember, credentials);
    } catch (error) {
      // A pending account (403) refuses every password alike: nothing there to guess.
      if (error instanceof ApiException && error.getStatus() === 401) await this.throttle.recordFailure(key);
      throw error;
    }
    return this.tokens.issueForMember(identity);
  }
}
