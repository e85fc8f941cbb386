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

  forBatch(batchId: string): NameClaims {
    return { claim: (claims) => this.claim(batchId, claims) };
  }

  async deleteBatch(batchId: string): Promise<void> {
    await this.claims.deleteMany({ batchId });
  }

  private async claim(batchId: string, claims: NameClaim[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const documents = claims.map((claim) => ({ _id: `${batchId}:${claim.name}`, batchId, rowId: claim.rowId }));
    const collided = (await insertManyRefused(this.collection, documents)).map((index) => claims[index]);
    const refused = new Set<string>();
    for (const claim of collided) {
      const holder = await this.collection.findOne({ _id: `${batchId}:${claim.name}` }, { projection: { rowId: 1 } });
      if (holder?.rowId !== claim.rowId) refused.add(claim.name);
    }
    return refused;
  }
}
