import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ErrorCode } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { SignInAttemptsRepository } from './persistence/sign-in-attempts.repository';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILED_SIGN_INS = 10;

/** A password check that may go ahead: failed, it stays counted; succeeded, it is given back. */
export interface ReservedAttempt {
  id: string;
}

/**
 * What sign-ins are counted against: the account itself, whichever identifier was typed (a member
 * by account name or by email), or, for a login that matches no account, that login (hashed, so
 * the typed text is not kept). Unknown logins are throttled too, so a 429 says nothing about
 * whether an account exists.
 */
export function signInAccountKey(kind: 'admin' | 'member', accountId: string | null, normalizedLogin: string): string {
  if (accountId !== null) return `${kind}:${accountId}`;
  return `${kind}-login:${createHash('sha256').update(normalizedLogin, 'utf8').digest('hex')}`;
}

/**
 * At most `MAX_FAILED_SIGN_INS` password checks per account in each 15-minute window, however many
 * requests arrive at once and on however many instances: each check first takes one of the
 * window's slots by a unique insert, and one that finds every slot taken answers 429 without
 * checking anything. A successful check gives its slot back. Slots rather than a counter because
 * FerretDB reads and writes back an `$inc` without a lock, so concurrent increments get lost.
 */
@Injectable()
export class SignInLockout {
  private readonly logger = new Logger(SignInLockout.name);
  private purgedBefore = 0;

  constructor(private readonly attempts: SignInAttemptsRepository) {}

  async reserve(accountKey: string): Promise<ReservedAttempt> {
    const window = Math.floor(Date.now() / SIGN_IN_WINDOW_MS);
    this.purgeEarlierWindows(window);
    for (let slot = 0; slot < MAX_FAILED_SIGN_INS; slot += 1) {
      const id = `${accountKey}:${window}:${slot}`;
      if (await this.attempts.take(id, window)) return { id };
    }
    throw new DomainError(ErrorCode.TooManyAttempts, 'Too many failed sign-ins for this account; try again in 15 minutes.');
  }

  async release(attempt: ReservedAttempt): Promise<void> {
    await this.attempts.giveBack(attempt.id);
  }

  /** Earlier windows are never read again: deleted once per window by each instance, in the background. */
  private purgeEarlierWindows(window: number): void {
    if (this.purgedBefore >= window) return;
    this.purgedBefore = window;
    this.attempts.deleteWindowsBefore(window).catch((error: Error) => this.logger.warn({ msg: 'earlier sign-in windows not deleted; tried again in the next window', error: error.message }));
  }
}
