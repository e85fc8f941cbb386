import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { MemberIdentity } from '@app/contracts';
import { GatewayEnvironment } from '../config/gateway.environment';
import type { AdminPrincipal } from './admin-principal';
import type { AccessTokenResponse, MemberAccessTokenResponse } from './dto/access-token-response.dto';

interface AdminTokenClaims {
  sub: string;
  org: string;
  typ: 'admin';
}

/** A distinct `typ`, so that a member's token is never taken for an admin's. */
interface MemberTokenClaims {
  sub: string;
  /** Null for a personal account, in no organization. */
  org: string | null;
  typ: 'member';
  /** The account's session version when the token was issued: a password change or activation moves it on, ending the token. */
  ver: number;
}

/** Who a member token speaks for; whether the session is still open is the members service's to say. */
export interface MemberTokenSubject {
  memberId: string;
  organizationId: string | null;
  sessionVersion: number;
}

/** Who a token is meant for: this deployment's API. A token of another Roster, or of another service sharing the secret, is refused. */
const AUDIENCE = 'roster-api';

@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: GatewayEnvironment,
  ) {}

  /** Signed by this gateway (its public URL), for the API, for a limited time. */
  private sign(claims: AdminTokenClaims | MemberTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, { secret: this.env.JWT_SECRET, expiresIn: this.env.JWT_TTL_SECONDS, issuer: this.env.PUBLIC_URL, audience: AUDIENCE });
  }

  async issueForAdmin(admin: AdminPrincipal): Promise<AccessTokenResponse> {
    const claims: AdminTokenClaims = { sub: admin.adminId, org: admin.organizationId, typ: 'admin' };
    const accessToken = await this.sign(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS };
  }

  async issueForMember(member: MemberIdentity): Promise<MemberAccessTokenResponse> {
    const claims: MemberTokenClaims = { sub: member.memberId, org: member.organizationId, typ: 'member', ver: member.sessionVersion };
    const accessToken = await this.sign(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS, mustChangePassword: member.mustChangePassword };
  }

  /** The admin a token speaks for, or null for anything expired, forged or of another kind. */
  async verifyAdmin(token: string): Promise<AdminPrincipal | null> {
    const claims = await this.verify<AdminTokenClaims>(token);
    if (claims?.typ !== 'admin' || typeof claims.sub !== 'string' || typeof claims.org !== 'string') return null;
    return { adminId: claims.sub, organizationId: claims.org };
  }

  /** The member a token speaks for, or null for anything expired, forged or of another kind. */
  async verifyMember(token: string): Promise<MemberTokenSubject | null> {
    const claims = await this.verify<MemberTokenClaims>(token);
    if (claims?.typ !== 'member' || typeof claims.sub !== 'string' || (claims.org !== null && typeof claims.org !== 'string') || !Number.isSafeInteger(claims.ver) || claims.ver < 0) return null;
    return { memberId: claims.sub, organizationId: claims.org, sessionVersion: claims.ver };
  }

  private async verify<Claims extends object>(token: string): Promise<Claims | null> {
    try {
      return await this.jwt.verifyAsync<Claims>(token, { secret: this.env.JWT_SECRET, algorithms: ['HS256'], issuer: this.env.PUBLIC_URL, audience: AUDIENCE });
    } catch {
      return null;
    }
  }
}
