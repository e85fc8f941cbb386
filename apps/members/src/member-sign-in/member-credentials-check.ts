import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberCredentials, type MemberIdentity } from '@app/contracts';
import { type Account, isUnverifiedPersonal } from '../accounts/account';
import { normalizeEmail } from '../accounts/email-address';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { PasswordHasher } from '../credentials/password-hasher';
import { DomainError } from '../rpc/domain.error';
import { SignInLockout, signInAccountKey } from '../sign-in-attempts/sign-in-lockout';

/** An account whose password was just proven: it has one. */
export type VerifiedAccount = Account & { passwordHash: string };

export function memberIdentity(account: Account): MemberIdentity {
  return { memberId: account._id, organizationId: account.organizationId, accountName: account.accountName, mustChangePassword: false, sessionVersion: account.sessionVersion ?? 0 };
}

/**
 * A member's login (account name or email) and password, checked under the account's lockout.
 * An unknown login, a pending account without a password, a personal account not yet verified and
 * a wrong password all cost one hash and answer the same 401, so none of them tells that an account exists.
 */
@Injectable()
export class MemberCredentialsCheck {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: SignInLockout,
  ) {}

  async verify(credentials: MemberCredentials): Promise<VerifiedAccount> {
    const typed = credentials.login.trim();
    const login = typed.includes('@') ? normalizeEmail(typed) : typed.toLowerCase();
    const account = login.includes('@') ? await this.accounts.findByEmail(login) : await this.accounts.findByAccountName(login);
    const attempt = await this.lockout.reserve(signInAccountKey('member', account?._id ?? null, login));
    const valid = account?.passwordHash
      ? await this.hasher.verify(credentials.password, account.passwordHash)
      : await this.hasher.verifyAgainstDummy(credentials.password);
    // A personal account whose address is not verified answers as a wrong password: signing up proves nothing until then.
    // A suspended account answers as a wrong password too: whatever is typed, it cannot be used.
    if (!account?.passwordHash || !valid || isUnverifiedPersonal(account) || account.status === 'suspended') throw new DomainError(ErrorCode.InvalidCredentials, 'The login or password is wrong.');
    await this.lockout.release(attempt);
    return account as VerifiedAccount;
  }
}
