import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, findEach, insertManyRefused } from '@app/persistence';
import { AccountNameReservation, EmailReservation } from './reservation.schema';

export type EmailHold = Omit<EmailReservation, 'reservedAt'>;

interface NameHold {
  name: string;
  batchId: string;
  rowId: string;
}

/**
 * Emails and account names held by rows and members. Every hold is an unordered unique insert;
 * only the holds that collided are looked up (by `_id`), so the cost of holding a chunk's
 * addresses does not grow with the number of members.
 */
@Injectable()
export class ReservationsRepository {
  constructor(
    @InjectModel(EmailReservation.name) private readonly emails: Model<EmailReservation>,
    @InjectModel(AccountNameReservation.name) private readonly names: Model<AccountNameReservation>,
  ) {}

  private get emailCollection(): Collection<EmailReservation> {
    return driverCollection(this.emails);
  }

  private get nameCollection(): Collection<AccountNameReservation> {
    return driverCollection(this.names);
  }

  /** Holds the addresses; answers, for each one held already, who holds it. */
  async holdEmails(holds: EmailHold[]): Promise<Map<string, EmailReservation>> {
    const reservedAt = new Date();
    const refused = await insertManyRefused(this.emailCollection, holds.map((hold) => ({ ...hold, reservedAt })));
    if (refused.length === 0) return new Map();
    const holders = await findEach(this.emailCollection, '_id', refused.map((index) => holds[index]._id));
    return new Map(holders.map((holder) => [holder._id, holder]));
  }

  /** Gives an address held by a row that never became a member to another: true if it now holds it. */
  async takeOverEmail(staleRowId: string, hold: EmailHold): Promise<boolean> {
    await this.emailCollection.deleteOne({ _id: hold._id, rowId: staleRowId });
    return (await insertManyRefused(this.emailCollection, [{ ...hold, reservedAt: new Date() }])).length === 0;
  }

  /**
   * Holds the names; answers those held by another row. `mayHoldAlready`: this work may have been
   * interrupted after holding some of them, so a collided name is looked up to see whose it is.
   */
  async holdNames(holds: NameHold[], mayHoldAlready: boolean): Promise<Set<string>> {
    if (holds.length === 0) return new Set();
    const reservedAt = new Date();
    const documents = holds.map((hold) => ({ _id: hold.name, batchId: hold.batchId, rowId: hold.rowId, reservedAt }));
    const collided = (await insertManyRefused(this.nameCollection, documents)).map((index) => holds[index]);
    if (!mayHoldAlready || collided.length === 0) return new Set(collided.map((hold) => hold.name));
    const holders = new Map(
      (await findEach(this.nameCollection, '_id', collided.map((hold) => hold.name), { projection: { rowId: 1 } })).map((holder) => [holder._id, holder.rowId]),
    );
    return new Set(collided.filter((hold) => holders.get(hold.name) !== hold.rowId).map((hold) => hold.name));
  }

  /** Who holds these names. */
  async nameHolders(names: string[]): Promise<AccountNameReservation[]> {
    return findEach(this.nameCollection, '_id', names);
  }

  /** Gives a name held by a row that may never become a member to another: true if it now holds it. */
  async takeOverName(staleRowId: string, hold: NameHold): Promise<boolean> {
    await this.nameCollection.deleteOne({ _id: hold.name, rowId: staleRowId });
    return (await this.holdNames([hold], false)).size === 0;
  }

  /** A sign-up gave up the address it held: the address had an account already, or the name was taken. */
  async releaseEmail(email: string, rowId: string): Promise<void> {
    await this.emailCollection.deleteOne({ _id: email, rowId });
  }

  /**
   * A deleted account's name stays held until `until`: its member's hold gets an end (or a hold is
   * written, for an account created before names were held). By `_id` only.
   */
  async holdDeletedName(name: string, memberId: string, batchId: string | null, until: Date): Promise<void> {
    const held = await this.nameCollection.updateOne({ _id: name, rowId: memberId }, { $set: { heldUntil: until } });
    if (held.matchedCount === 1) return;
    await insertManyRefused(this.nameCollection, [{ _id: name, batchId: batchId ?? memberId, rowId: memberId, reservedAt: new Date(), heldUntil: until }]);
  }

  /** A row gave a name up for another (edited in review). */
  async releaseName(name: string, rowId: string): Promise<void> {
    await this.nameCollection.deleteOne({ _id: name, rowId });
  }
}
