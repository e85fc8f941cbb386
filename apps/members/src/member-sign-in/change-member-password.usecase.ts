import { Injectable } from '@nestjs/common';
import { type ChangeMemberPasswordCommand, ErrorCode, type MemberIdentity } from '@app/contracts';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { AccountActivation } from '../activation/account-activation';
import { PasswordHasher } from '../credentials/password-hasher';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { DomainError } from '../rpc/domain.error';
import { MemberCredentialsCheck, memberIdentity } from './member-credentials-check';

/**
 * A member replaces their password, proven by the current one. For a member whose admin set the
 * password this is activation: the account becomes active with the member's own password, once,
 * as through the link. Either way the member's earlier sessions end, and the identity answered
 * carries the new session version.
 */
@Injectable()
export class ChangeMemberPasswordUseCase {
  constructor(
    private readonly credentials: MemberCredentialsCheck,
    private readonly accounts: AccountsRepository,
    private readonly activation: AccountActivation,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: ChangeMemberPasswordCommand): Promise<MemberIdentity> {
    const account = await this.credentials.verify(command);
    const weak = checkPasswordPolicy(command.newPassword, { accountName: account.accountName, email: account.email });
    if (weak) throw this.refusal(weak.message);
    if (await this.hasher.verify(command.newPassword, account.passwordHash)) throw this.refusal('Choose a password other than the current one.');
    const passwordHash = await this.hasher.hash(command.newPassword);
    if (account.activatedAt) {
      const sessionVersion = (account.sessionVersion ?? 0) + 1;
      // Changed meanwhile by another request: the password this one proved is no longer the account's.
      if (!(await this.accounts.changePassword(account._id, account.passwordHash, passwordHash, sessionVersion))) throw this.wrongCredentials();
      return memberIdentity({ ...account, sessionVersion });
    }
    const { won, claim } = await this.activation.activate(account, { tokenHash: null, passwordHash, firstName: account.firstName, lastName: account.lastName });
    // Activated meanwhile through a link: the admin's password no longer opens the account.
    if (!won && !(await this.activation.isRepeatOf(claim, null, command.newPassword))) throw this.wrongCredentials();
    return memberIdentity({ ...account, sessionVersion: claim.sessionVersion });
  }

  private wrongCredentials(): DomainError {
    return new DomainError(ErrorCode.InvalidCredentials, 'The login or password is wrong.');
  }

  private refusal(message: string): DomainError {
    return new DomainError(ErrorCode.WeakPassword, message, [{ field: 'newPassword', code: ErrorCode.WeakPassword, message }]);
  }
}
