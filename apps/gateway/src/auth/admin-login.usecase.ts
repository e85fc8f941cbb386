import { Injectable } from '@nestjs/common';
import { type AccessTokenResponse, type AdminCredentials, type AdminIdentity, MembersRpc } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { MembersClient } from '../members-client/members-client';
import { AccessTokens } from './access-tokens';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AdminLoginUseCase {
  constructor(
    private readonly members: MembersClient,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: AdminCredentials): Promise<AccessTokenResponse> {
    const key = `admin:${credentials.email.trim().toLowerCase()}`;
    await this.throttle.assertAllowed(key);
    let identity: AdminIdentity;
    try {
      identity = await this.members.send<AdminIdentity>(MembersRpc.VerifyAdmin, credentials);
    } catch (error) {
      if (error instanceof ApiException && error.getStatus() === 401) await this.throttle.recordFailure(key);
      throw error;
    }
    return this.tokens.issueForAdmin(identity);
  }
}
