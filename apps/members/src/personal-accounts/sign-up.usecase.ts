import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, ErrorCode, type SignUpAccepted, type SignUpCommand } from '@app/contracts';
import { validateAccountName } from '../account-names/account-name';
import type { AccountNameSource } from '../account-names/account-name-candidates';
import type { Account } from '../accounts/account';
import { isValidEmail, normalizeEmail } from '../accounts/email-address';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { ReservationsRepository } from '../accounts/persistence/reservations.repository';
import { PasswordHasher } from '../credentials/password-hasher';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { DomainError } from '../rpc/domain.error';
import { AccountNameSuggestions } from './account-name-suggestions';
import { SignUpMails } from './sign-up-mails';

/** The batch named by the holds of sign-ups: none, so no batch's review or commit ever claims them. */
export const SIGN_UP_HOLDS = 'personal-sign-up';

const ACCEPTED: SignUpAccepted = { status: 'verification_sent' };

function fieldError(code: ErrorCode, field: string, message: string, extra: object = {}): DomainError {
  return new DomainError(code, message, [{ field, code, message, ...extra }]);
}

function trimmedOrNull(value: string | undefined): string | null {
  return value?.trim() || null;
}

/**
 * Anyone's personal account. The name and the password are checked as for business accounts,
 * and a refusal of them says nothing about the address; past them, the answer is the same
 * whether the address is new or not, and only the mail differs: a new address gets a link to
 * verify it, an address an account already has is told so. The account is pending until the
 * link is used, and cannot sign in before.
 *
 * The name and the address are held like a batch row's (unique inserts in the reservations), so
 * batches see them taken; the accounts' unique indexes stay the last word.
 */
@Injectable()
export class SignUpUseCase {
  private readonly logger = new Logger('SignUp');

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly suggestions: AccountNameSuggestions,
    private readonly mails: SignUpMails,
  ) {}

  async execute(command: SignUpCommand): Promise<SignUpAccepted> {
    const email = command.email.trim();
    const emailNormalized = normalizeEmail(email);
    if (!isValidEmail(emailNormalized)) throw fieldError(ErrorCode.InvalidEmail, 'email', 'This is not a valid email address.');
    const accountName = command.accountName.trim().toLowerCase();
    const firstName = trimmedOrNull(command.firstName);
    const lastName = trimmedOrNull(command.lastName);
    const source: AccountNameSource = { userName: accountName, firstName: firstName ?? undefined, lastName: lastName ?? undefined, email: emailNormalized };
    const invalid = validateAccountName(accountName);
    if (invalid) throw fieldError(invalid.code, 'accountName', invalid.message, { suggestions: await this.suggestions.freeFor(source, accountName) });
    const weak = checkPasswordPolicy(command.password, { accountName, email: emailNormalized });
    if (weak) throw fieldError(weak.code, 'password', weak.message);
    // Hashed whatever the address turns out to be, so the time taken does not tell either.
    const passwordHash = await this.hasher.hash(command.password);

    const accountId = randomUUID();
    // The name first: whether it is taken must not depend on the address.
    if ((await this.reservations.holdNames([{ name: accountName, batchId: SIGN_UP_HOLDS, rowId: accountId }], false)).size > 0) {
      throw await this.nameTaken(source, accountName);
    }
    const holder = await this.holdAddress(emailNormalized, accountId);
    if (holder !== 'held') {
      await this.reservations.releaseName(accountName, accountId);
      await this.tellExisting(holder);
      return ACCEPTED;
    }
    const account: Account = {
      _id: accountId,
      type: 'personal',
      organizationId: null,
      email,
      emailNormalized,
      accountName,
      firstName,
      lastName,
      status: 'pending_activation',
      passwordHash,
      mustChangePassword: false,
      locale: command.locale ?? DEFAULT_LOCALE,
      batchId: null,
      chunk: null,
      createdAt: new Date(),
      activatedAt: null,
      sessionVersion: 0,
    };
    if ((await this.accounts.insertOne(account)) === 'duplicate') {
      // An account created before holds existed has the address or the name.
      await this.reservations.releaseName(accountName, accountId);
      const existing = await this.accounts.findByEmail(emailNormalized);
      if (existing) {
        await this.tellExisting(existing);
        return ACCEPTED;
      }
      await this.reservations.releaseEmail(emailNormalized, accountId);
      throw await this.nameTaken(source, accountName);
    }
    await this.mails.verifyAddress(account);
    return ACCEPTED;
  }

  /**
   * Holds the address for the new account, or answers the account that has it. A hold without an
   * account (a row under review, or a sign-up that stopped half-way) gives way, as it does to a
   * batch; null when it could not be taken over (another request took it that instant).
   */
  private async holdAddress(emailNormalized: string, accountId: string): Promise<'held' | Account | null> {
    const hold = { _id: emailNormalized, organizationId: '', batchId: SIGN_UP_HOLDS, rowId: accountId, line: 0 };
    const holder = (await this.reservations.holdEmails([hold])).get(emailNormalized);
    if (!holder || holder.rowId === accountId) return 'held';
    const existing = await this.accounts.findByEmail(emailNormalized);
    if (existing) return existing;
    return (await this.reservations.takeOverEmail(holder.rowId, hold)) ? 'held' : null;
  }

  private async tellExisting(account: Account | null): Promise<void> {
    if (!account) {
      this.logger.warn({ message: 'sign-up answered without a mail: its address was being taken by another request at the same instant' });
      return;
    }
    // Signing up again before verifying (the first mail lost, say) sends a new link, which ends the earlier ones.
    if (account.type === 'personal' && account.activatedAt === null) await this.mails.verifyAddress(account);
    else await this.mails.accountExists(account);
  }

  private async nameTaken(source: AccountNameSource, accountName: string): Promise<DomainError> {
    const message = `The account name "${accountName}" is already taken; pick one of the suggestions.`;
    return fieldError(ErrorCode.AccountNameTaken, 'accountName', message, { suggestions: await this.suggestions.freeFor(source, accountName) });
  }
}
