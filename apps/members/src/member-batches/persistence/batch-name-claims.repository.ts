import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import type { NameClaim, NameClaims } from '../row-validation/name-claims';
import { insertManyRefused } from '../../persistence/insert-many';
import { BatchNameClaim } from './batch-name-claim.schema';

/** Name claims shared by every worker validating chunks of one batch: unique inserts decide. */
@Injectable()
export class BatchNameClaimsRepository {
  constructor(@InjectModel(BatchNameClaim.name) private readonly claims: Model<BatchNameClaim>) {}

  private get collection(): Collection<BatchNameClaim> {
    return this.claims.collection as unknown as Collection<BatchNameClaim>;
  }

  /**
   * Claims for one batch. A first pass over rows (`mayHoldAlready` false) treats every existing
   * claim as another row's, which costs one insert per round; a pass that redoes interrupted work
   * checks who holds each collided name, so rows find the names they claimed before.
   */
  forBatch(batchId: string, mayHoldAlready: boolean): NameClaims {
    return { claim: (claims) => this.claim(batchId, claims, mayHoldAlready) };
  }

  async deleteBatch(batchId: string): Promise<void> {
    await this.claims.deleteMany({ batchId });
  }

  private async claim(batchId: string, claims: NameClaim[], mayHoldAlready: boolean): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const documents = claims.map((claim) => ({ _id: `${batchId}:${claim.name}`, batchId, rowId: claim.rowId }));
    const collided = (await insertManyRefused(this.collection, documents)).map((index) => claims[index]);
    if (!mayHoldAlready) return new Set(collided.map((claim) => claim.name));
    const holders = await Promise.all(
      collided.map((claim) => this.collection.findOne({ _id: `${batchId}:${claim.name}` }, { projection: { rowId: 1 } })),
    );
    return new Set(collided.filter((claim, index) => holders[index]?.rowId !== claim.rowId).map((claim) => claim.name));
  }
}
