import { Injectable } from '@nestjs/common';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { PasswordHasher } from '../credentials/password-hasher';
import type { ActivationClaim } from './activation-claim';
import { ActivationClaimsRepository } from './persistence/activation-claims.repository';

/** The member's own first password, and by what it was set: a link (its hash) or the change of an admin-set password (null). */
export interface OwnPassword {
  tokenHash: string | null;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
}

export interface ActivationOutcome {
  /** False when another activation of this member was claimed first: `claim` is that one. */
  won: boolean;
  claim: ActivationClaim;
}

/**
 * Activation in two steps that a crash cannot leave half done: a claim inserted once per member
 * (of two concurrent activations, by one link or two, exactly one wins), then one write of the
 * account with the password, the names, `active`, `activatedAt` and a new session version. Both
 * steps can be repeated: a claim whose account write never happened is finished by the next
 * activation attempt, password change or resend for the member.
 */
@Injectable()
export class AccountActivation {
  constructor(
    private readonly claims: ActivationClaimsRepository,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async activate(account: Account, ownPassword: OwnPassword): Promise<ActivationOutcome> {
    const claim: ActivationClaim = { _id: account._id, ...ownPassword, claimedAt: new Date(), sessionVersion: (account.sessionVersion ?? 0) + 1 };
    if (await this.claims.insert(claim)) {
      await this.complete(claim);
      return { won: true, claim };
    }
    const earlier = await this.claims.find(account._id);
    if (!earlier) throw new Error(`member ${account._id}: activation claim refused, yet none found`);
    await this.complete(earlier);
    return { won: false, claim: earlier };
  }

  /**
   * Whether an activation that lost was the same request as the one that won, sent again (a
   * double submit, or a retry after a crash): same link, and the password it sets is the one the
   * account now has.
   */
  async isRepeatOf(claim: ActivationClaim, tokenHash: string | null, password: string): Promise<boolean> {
    if (claim.tokenHash !== tokenHash) return false;
    const account = await this.accounts.findById(claim._id);
    return account?.passwordHash ? this.hasher.verify(password, account.passwordHash) : false;
  }

  /** Finishes the member's activation if one was claimed and then interrupted; true when the member has activated. */
  async completeInterrupted(memberId: string): Promise<boolean> {
    const claim = await this.claims.find(memberId);
    if (claim) await this.complete(claim);
    return claim !== null;
  }

  private async complete(claim: ActivationClaim): Promise<void> {
    if (claim.passwordHash === null) return;
    const { passwordHash, firstName, lastName, claimedAt, sessionVersion } = claim;
    await this.accounts.activate(claim._id, { passwordHash, firstName, lastName, activatedAt: claimedAt, sessionVersion });
    await this.claims.forgetPasswordHash(claim._id);
  }
}
