import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { driverCollection, insertedEach } from '@app/persistence';
import { RequestBatcher } from '../../batching/request-batcher';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { MailClaim } from './mail-claim.schema';
import { SentNotification, type SentNotificationState } from './sent-notification.schema';

export type Claim =
  /** This delivery, and only it, may send the mail now. */
  | { status: 'claimed'; claimId: string }
  /** The mail was sent, or found unnecessary, by an earlier delivery. */
  | { status: 'done'; state: SentNotificationState }
  /** Another delivery holds a live claim: it is sending right now, or stopped less than a lease ago. */
  | { status: 'busy' };

const CLAIM_ROUNDS = 3;

/** Claims and outcomes written within a few milliseconds of each other go in one insert. */
const GATHERING = { maxSize: 100, maxWaitMs: 20 };

/**
 * The dedupe of mails by event id, built on what is race-safe on both MongoDB and FerretDB (no
 * transactions, non-atomic updates there): a unique insert of the id to claim a mail, a unique
 * insert of its outcome once sent, and a delete checked by its count to take over the claim of a
 * sender that stopped. A first delivery only inserts, together with the mails written at the
 * same time: FerretDB reads a whole collection for any look-up or update, even by `_id`, both
 * collections grow with every mail ever sent, and each write command costs milliseconds whatever
 * it holds. Only a message delivered again reads them.
 *
 * A crash between claim and send leaves a claim without an outcome and an unacked message, which
 * the broker redelivers. That delivery finds the claim live and waits a retry delay; once the
 * lease has run out it takes the claim over and sends, so the mail is late but never lost. The
 * one window left is a crash after the SMTP server accepted the mail and before its outcome was
 * written: the takeover then sends a second mail, whose fresh link replaces the first one's. We
 * take that (at least once) over the other choice (at most once), which would leave a member with
 * no way in until an admin notices; SMTP has no way to ask whether a mail was already taken.
 */
@Injectable()
export class SentNotificationsRepository {
  private readonly claimInserts = new RequestBatcher<MailClaim, boolean>((claims) => insertedEach(this.claimCollection, claims), GATHERING);
  private readonly outcomeInserts = new RequestBatcher<SentNotification, boolean>((outcomes) => insertedEach(this.outcomeCollection, outcomes), GATHERING);

  constructor(
    @InjectModel(MailClaim.name) private readonly claims: Model<MailClaim>,
    @InjectModel(SentNotification.name) private readonly outcomes: Model<SentNotification>,
  ) {}

  private get claimCollection(): Collection<MailClaim> {
    return driverCollection(this.claims);
  }

  private get outcomeCollection(): Collection<SentNotification> {
    return driverCollection(this.outcomes);
  }

  async claim(id: string, kind: string, leaseMs: number): Promise<Claim> {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const claimId = randomUUID();
      const now = new Date();
      if (await this.claimInserts.request({ _id: id, kind, claimId, claimedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) })) {
        return { status: 'claimed', claimId };
      }
      const outcome = await this.outcomeCollection.findOne({ _id: id }, { projection: { state: 1 } });
      if (outcome) return { status: 'done', state: outcome.state };
      const current = await this.claimCollection.findOne({ _id: id });
      if (!current) continue;
      if (current.leaseUntil.getTime() > Date.now()) return { status: 'busy' };
      const removed = await this.claimCollection.deleteOne({ _id: id, claimId: current.claimId });
      if (removed.deletedCount !== 1) return { status: 'busy' };
    }
    return { status: 'busy' };
  }

  /** False when another delivery recorded this mail first (this sender outlived its lease). */
  markSent(id: string, kind: string, attempt: number): Promise<boolean> {
    return this.record({ _id: id, kind, state: 'sent', attempt, completedAt: new Date(), skippedReason: null });
  }

  async markSkipped(id: string, kind: string, attempt: number, reason: string): Promise<void> {
    await this.record({ _id: id, kind, state: 'skipped', attempt, completedAt: new Date(), skippedReason: reason });
  }

  /** Gives the mail back after a failed try, so the retry (or a replay from the dead queue) can claim it. */
  async release(id: string, claimId: string): Promise<void> {
    await this.claimCollection.deleteOne({ _id: id, claimId });
  }

  private record(outcome: SentNotification): Promise<boolean> {
    return this.outcomeInserts.request(outcome);
  }
}
