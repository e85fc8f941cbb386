import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { SentNotification } from './sent-notification.schema';

export type Claim =
  /** This delivery, and only it, may send the mail now. */
  | { status: 'claimed'; claimId: string }
  /** The mail was sent, or found unnecessary, by an earlier delivery. */
  | { status: 'done'; state: 'sent' | 'skipped' }
  /** Another delivery holds a live claim: it is sending right now, or stopped less than a lease ago. */
  | { status: 'busy' };

const CLAIM_ROUNDS = 3;

function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * The dedupe of mails by event id, built on what is race-safe on both MongoDB and FerretDB (no
 * transactions, non-atomic updates there): a unique insert of the id to claim a mail, and a
 * delete checked by its count to take over the claim of a sender that stopped.
 *
 * A crash between claim and send leaves a `sending` claim and an unacked message, which the
 * broker redelivers. That delivery finds the claim live and waits a retry delay; once the lease
 * has run out it takes the claim over and sends, so the mail is late but never lost. The one
 * window left is a crash after the SMTP server accepted the mail and before `sent` was written:
 * the takeover then sends a second mail, whose fresh link replaces the first one's. We take
 * that (at least once) over the other choice (at most once), which would leave a member with
 * no way in until an admin notices; SMTP has no way to ask whether a mail was already taken.
 */
@Injectable()
export class SentNotificationsRepository {
  constructor(@InjectModel(SentNotification.name) private readonly notifications: Model<SentNotification>) {}

  async claim(id: string, kind: string, leaseMs: number): Promise<Claim> {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const claimId = randomUUID();
      const now = new Date();
      try {
        await this.notifications.create({ _id: id, kind, state: 'sending', claimId, claimedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) });
        return { status: 'claimed', claimId };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const current = await this.notifications.findById(id).lean();
      if (!current) continue;
      if (current.state !== 'sending') return { status: 'done', state: current.state };
      if (current.leaseUntil.getTime() > Date.now()) return { status: 'busy' };
      const removed = await this.notifications.deleteOne({ _id: id, claimId: current.claimId });
      if (removed.deletedCount !== 1) return { status: 'busy' };
    }
    return { status: 'busy' };
  }

  /** False when the claim was taken over meanwhile (this sender outlived its lease). */
  async markSent(id: string, claimId: string, attempt: number): Promise<boolean> {
    const result = await this.notifications.updateOne({ _id: id, claimId }, { $set: { state: 'sent', attempt, completedAt: new Date() } });
    return result.matchedCount === 1;
  }

  async markSkipped(id: string, claimId: string, reason: string): Promise<void> {
    await this.notifications.updateOne({ _id: id, claimId }, { $set: { state: 'skipped', skippedReason: reason, completedAt: new Date() } });
  }

  /** Gives the mail back after a failed try, so the retry (or a replay from the dead queue) can claim it. */
  async release(id: string, claimId: string): Promise<void> {
    await this.notifications.deleteOne({ _id: id, claimId, state: 'sending' });
  }
}
