import { Injectable } from '@nestjs/common';
import { type MemberAccessTokenResponse, type MemberCredentials, type MemberIdentity, MembersRpc } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { MembersClient } from '../members-client/members-client';
import { AccessTokens } from './access-tokens';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class MemberLoginUseCase {
  constructor(
    private readonly members: MembersClient,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: MemberCredentials): Promise<MemberAccessTokenResponse> {
    // Account names and emails are both matched without case by the members service: so is the key.
    const key = `member:${credentials.login.trim().toLowerCase()}`;
    await this.throttle.assertAllowed(key);
    let identity: MemberIdentity;
    try {
      identity = await this.members.send<MemberIdentity>(MembersRpc.VerifyMember, credentials);
    } catch (error) {
      // A pending account (403) refuses every password alike: nothing there to guess.
      if (error instanceof ApiException && error.getStatus() === 401) await this.throttle.recordFailure(key);
      throw error;
    }
    return this.tokens.issueForMember(identity);
  }
}
