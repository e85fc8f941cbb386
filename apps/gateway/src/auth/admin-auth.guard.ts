import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { AccessTokens } from './access-tokens';
import type { AuthenticatedRequest } from './admin-principal';

@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(private readonly tokens: AccessTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    const admin = scheme?.toLowerCase() === 'bearer' && token ? await this.tokens.verifyAdmin(token) : null;
    if (!admin) throw new ApiException(401, ErrorCode.Unauthorized, 'Sign in first: send "Authorization: Bearer <accessToken>".');
    request.admin = admin;
    return true;
  }
}
