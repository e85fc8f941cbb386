import { Injectable } from '@nestjs/common';
import { type AdminIdentity, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AccessTokens } from './access-tokens';
import type { AccessTokenResponse } from './dto/access-token-response.dto';
import type { AdminCredentials } from './dto/admin-credentials.dto';

/**
 * Admin sign-in. The members service, which knows the accounts, checks the password under the
 * account's lockout (429 `too_many_attempts` once it is spent); the per-address limit is the
 * controller's throttler.
 */
@Injectable()
export class AdminLoginUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(credentials: AdminCredentials): Promise<AccessTokenResponse> {
    return (await this.authenticate(credentials)).access;
  }

  /** The admin and their token; the console keeps the token in its session cookie and the locale for its pages. */
  async authenticate(credentials: AdminCredentials): Promise<{ identity: AdminIdentity; access: AccessTokenResponse }> {
    const identity = await this.members.send(MembersRpc.VerifyAdmin, credentials);
    return { identity, access: await this.tokens.issueForAdmin(identity) };
  }
}
