import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberCredentials, type MemberIdentity } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { MemberCredentialsCheck, memberIdentity } from './member-credentials-check';

/** Member sign-in by account name or email: only with a password the member chose. */
@Injectable()
export class VerifyMemberUseCase {
  constructor(private readonly credentials: MemberCredentialsCheck) {}

  async execute(credentials: MemberCredentials): Promise<MemberIdentity> {
    const account = await this.credentials.verify(credentials);
    if (!account.activatedAt) {
      // Only an admin-set password can be right on a pending account: it opens nothing but its change.
      throw new DomainError(
        ErrorCode.PasswordChangeRequired,
        'Your administrator set this password: choose your own (POST /api/v1/auth/member-password, or the link in your welcome email) before signing in.',
      );
    }
    return memberIdentity(account);
  }
}
