import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import type { MemberAuthenticatedRequest } from '../auth/member-principal';

/**
 * After MemberAuthGuard: only a personal account answers invitations, leaves an organization or
 * deletes itself. A business account belongs to its organization, so its token is refused.
 */
@Injectable()
export class PersonalAccountGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const member = context.switchToHttp().getRequest<MemberAuthenticatedRequest>().member;
    if (!member) throw new Error('PersonalAccountGuard used without MemberAuthGuard before it');
    if (member.type !== 'personal') {
      throw new ApiException(403, ErrorCode.NotAPersonalAccount, 'Only a personal account may do this: a business account belongs to its organization.');
    }
    return true;
  }
}
