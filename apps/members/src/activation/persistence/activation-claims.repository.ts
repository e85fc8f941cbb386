import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, insertedOnce } from '@app/persistence';
import type { ActivationClaim } from '../activation-claim';
import { ActivationClaimDocument } from './activation-claim.schema';

@Injectable()
export class ActivationClaimsRepository {
  constructor(@InjectModel(ActivationClaimDocument.name) private readonly claims: Model<ActivationClaimDocument>) {}

  private get collection(): Collection<ActivationClaim> {
    return driverCollection(this.claims);
  }

  /** True for exactly one claim per member. */
  insert(claim: ActivationClaim): Promise<boolean> {
    return insertedOnce(this.collection.insertOne(claim));
  }

  find(memberId: string): Promise<ActivationClaim | null> {
    return this.collection.findOne({ _id: memberId });
  }

  /** A deleted member's claim goes with the names it kept. */
  async remove(memberId: string): Promise<void> {
    await this.collection.deleteOne({ _id: memberId });
  }

  async forgetPasswordHash(memberId: string): Promise<void> {
    await this.collection.updateOne({ _id: memberId }, { $set: { passwordHash: null } });
  }
}
