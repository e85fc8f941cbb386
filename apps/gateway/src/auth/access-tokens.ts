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
  org: string;
  typ: 'member';
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
    const claims: MemberTokenClaims = { sub: member.memberId, org: member.organizationId, typ: 'member' };
    const accessToken = await this.sign(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS, mustChangePassword: member.mustChangePassword };
  }

  /** The admin a token speaks for, or null for anything expired, forged or of another kind. */
  async verifyAdmin(token: string): Promise<AdminPrincipal | null> {
    try {
      const claims = await this.jwt.verifyAsync<AdminTokenClaims>(token, { secret: this.env.JWT_SECRET, algorithms: ['HS256'], issuer: this.env.PUBLIC_URL, audience: AUDIENCE });
      if (claims.typ !== 'admin' || typeof claims.sub !== 'string' || typeof claims.org !== 'string') return null;
      return { adminId: claims.sub, organizationId: claims.org };
    } catch {
      return null;
    }
  }
}
