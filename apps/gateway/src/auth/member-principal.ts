import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { MemberAccountView } from '@app/contracts';

export interface MemberAuthenticatedRequest extends Request {
  member?: MemberAccountView;
}

/** The signed-in member's account, as MemberAuthGuard found it. */
export const CurrentMember = createParamDecorator((_data: unknown, context: ExecutionContext): MemberAccountView => {
  const member = context.switchToHttp().getRequest<MemberAuthenticatedRequest>().member;
  if (!member) throw new Error('CurrentMember used on a route without MemberAuthGuard');
  return member;
});
