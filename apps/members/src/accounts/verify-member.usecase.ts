import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberCredentials, type MemberIdentity } from '@app/contracts';
import { PasswordHasher } from '../credentials/password-hasher';
import { DomainError } from '../rpc/domain.error';
import { normalizeEmail } from './email-address';
import { AccountsRepository } from './persistence/accounts.repository';

/** Member sign-in by account name or email; unknown login and wrong password answer alike. */
@Injectable()
export class VerifyMemberUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(credentials: MemberCredentials): Promise<MemberIdentity> {
    const login = credentials.login.trim();
    const account = login.includes('@')
      ? await this.accounts.findByEmail(normalizeEmail(login))
      : await this.accounts.findByAccountName(login.toLowerCase());
    const wrong = new DomainError(ErrorCode.InvalidCredentials, 'The login or password is wrong.');
    if (!account || !account.passwordHash) {
      await this.hasher.verifyAgainstDummy(credentials.password);
      if (account?.status === 'pending_activation') {
        throw new DomainError(ErrorCode.ActivationRequired, 'This account is not activated yet: open the link in the welcome email to set a password.');
      }
      throw wrong;
    }
    if (!(await this.hasher.verify(credentials.password, account.passwordHash))) throw wrong;
    return { memberId: account._id, organizationId: account.organizationId, accountName: account.accountName, mustChangePassword: account.mustChangePassword };
  }
}
