import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import type { NameClaim, NameClaims } from './name-claims';
import { RecentlyUsed } from './recently-used';

/**
 * Names whose holding batch this process remembers, the least recently held or asked for
 * forgotten first (and looked up again if asked for): a name many rows ask for stays, and the
 * worker's memory is the same at 20,000 rows as at 1,000,000.
 */
const REMEMBERED_HOLDS = 20_000;

/**
 * Account names held in the whole system for a batch's rows and the members they become, by
 * unique inserts. A name a row's directory asked for is taken from a row that may never become a
 * member (its batch is under review, abandoned or closed, and no member has the name): re-uploading
 * a corrected file keeps people's names. Only names that collided are looked into, and not those
 * this process just held for the same batch (two lines of one file asking for one name).
 */
@Injectable()
export class NameHolds {
  /** Name → the batch this process last held it for. */
  private readonly heldFor = new RecentlyUsed<string, string>(REMEMBERED_HOLDS);

  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
  ) {}

  /** `mayHoldAlready`: the work may be a redo, so a row may find a name it claimed before. */
  forBatch(batchId: string, mayHoldAlready: boolean): NameClaims {
    const holdEach = (claims: NameClaim[]) => this.reservations.holdNames(claims.map((claim) => ({ ...claim, batchId })), mayHoldAlready);
    const hold = async (claims: NameClaim[]) => {
      // FerretDB redoes a batch of inserts that has one collision one insert at a time: names this
      // process held before (a name many lines of a file ask for) likely collide, so they go apart.
      const heldBefore = claims.filter((claim) => this.heldFor.keeps(claim.name));
      const others = heldBefore.length === 0 ? claims : claims.filter((claim) => !this.heldFor.keeps(claim.name));
      const refused = new Set([...(await holdEach(others)), ...(await holdEach(heldBefore))]);
      for (const claim of claims) if (!refused.has(claim.name)) this.heldFor.set(claim.name, batchId);
      return refused;
    };
    return {
      claim: hold,
      claimRequested: async (claims) => {
        const refused = await hold(claims);
        // Asked for again, a name counts as used: one many rows ask for is not forgotten and looked up again.
        const inThisBatch = [...refused].filter((name) => this.heldFor.get(name) === batchId);
        const elsewhere = claims.filter((claim) => refused.has(claim.name) && this.heldFor.get(claim.name) !== batchId);
        const stillRefused = elsewhere.length === 0 ? [] : await this.takeOver(batchId, elsewhere);
        return new Set([...inThisBatch, ...stillRefused]);
      },
    };
  }

  /** Takes the names over where their holders may never become members; answers the names still refused. */
  private async takeOver(batchId: string, claims: NameClaim[]): Promise<string[]> {
    const names = claims.map((claim) => claim.name);
    const [holders, members] = await Promise.all([this.reservations.nameHolders(names), this.accounts.takenAccountNames(names)]);
    const committing = await this.batches.committingAmong(holders.map((holder) => holder.batchId));
    const holderOf = new Map(holders.map((holder) => [holder._id, holder]));
    const refused: string[] = [];
    for (const claim of claims) {
      const holder = holderOf.get(claim.name);
      // A deleted account's name is held for no row until its hold ends.
      const heldForDeleted = holder?.heldUntil instanceof Date && holder.heldUntil.getTime() > Date.now();
      const yields = holder !== undefined && holder.batchId !== batchId && !members.has(claim.name) && !committing.has(holder.batchId) && !heldForDeleted;
      if (!yields || !(await this.reservations.takeOverName(holder.rowId, { ...claim, batchId }))) refused.push(claim.name);
      else this.heldFor.set(claim.name, batchId);
    }
    return refused;
  }
}
