import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import type { NameClaim, NameClaims } from './name-claims';

/**
 * Account names held in the whole system for a batch's rows and the members they become, by
 * unique inserts. A name a row's directory asked for is taken from a row that may never become a
 * member (its batch is under review, abandoned or closed, and no member has the name): re-uploading
 * a corrected file keeps people's names. Only names that collided are looked into.
 */
@Injectable()
export class NameHolds {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
  ) {}

  /** `mayHoldAlready`: the work may be a redo, so a row may find a name it claimed before. */
  forBatch(batchId: string, mayHoldAlready: boolean): NameClaims {
    const hold = (claims: NameClaim[]) => this.reservations.holdNames(claims.map((claim) => ({ ...claim, batchId })), mayHoldAlready);
    return {
      claim: hold,
      claimRequested: async (claims) => {
        const refused = await hold(claims);
        return refused.size === 0 ? refused : this.takeOver(batchId, claims.filter((claim) => refused.has(claim.name)));
      },
    };
  }

  /** Takes the names over where their holders may never become members; answers the names still refused. */
  private async takeOver(batchId: string, claims: NameClaim[]): Promise<Set<string>> {
    const names = claims.map((claim) => claim.name);
    const [holders, members] = await Promise.all([this.reservations.nameHolders(names), this.accounts.takenAccountNames(names)]);
    const committing = await this.batches.committingAmong(holders.map((holder) => holder.batchId));
    const holderOf = new Map(holders.map((holder) => [holder._id, holder]));
    const refused = new Set<string>();
    for (const claim of claims) {
      const holder = holderOf.get(claim.name);
      const yields = holder !== undefined && holder.batchId !== batchId && !members.has(claim.name) && !committing.has(holder.batchId);
      if (!yields || !(await this.reservations.takeOverName(holder.rowId, { ...claim, batchId }))) refused.add(claim.name);
    }
    return refused;
  }
}
