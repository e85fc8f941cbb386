import { Injectable } from '@nestjs/common';
import { type AdminIdentity, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ApiException } from '../http/api.exception';
import { AccessTokens } from './access-tokens';
import type { AccessTokenResponse } from './dto/access-token-response.dto';
import type { AdminCredentials } from './dto/admin-credentials.dto';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AdminLoginUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: AdminCredentials): Promise<AccessTokenResponse> {
    return (await this.authenticate(credentials)).access;
  }

  /** The admin and their token; the console keeps the token in its session cookie and the locale for its pages. */
  async authenticate(credentials: AdminCredentials): Promise<{ identity: AdminIdentity; access: AccessTokenResponse }> {
    const key = `admin:${credentials.email.trim().toLowerCase()}`;
    await this.throttle.assertAllowed(key);
    let identity: AdminIdentity;
    try {
      identity = await this.members.send(MembersRpc.VerifyAdmin, credentials);
    } catch (error) {
      if (error instanceof ApiException && error.getStatus() === 401) await this.throttle.recordFailure(key);
      throw error;
    }
    return { identity, access: await this.tokens.issueForAdmin(identity) };
  }
}
