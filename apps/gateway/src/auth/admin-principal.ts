import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, from a verified access token. */
export interface AdminPrincipal {
  adminId: string;
  organizationId: string;
}

export interface AuthenticatedRequest extends Request {
  admin?: AdminPrincipal;
}

export const CurrentAdmin = createParamDecorator((_data: unknown, context: ExecutionContext): AdminPrincipal => {
  const admin = context.switchToHttp().getRequest<AuthenticatedRequest>().admin;
  if (!admin) throw new Error('CurrentAdmin used on a route without AdminAuthGuard');
  return admin;
});
