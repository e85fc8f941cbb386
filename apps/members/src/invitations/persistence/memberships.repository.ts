import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, isDuplicateKeyError } from '@app/persistence';
import type { Membership } from '../domain/membership';
import { MembershipDocument } from './membership.schema';

/** Memberships of personal accounts, all by `_id` (the account id). */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectModel(MembershipDocument.name) private readonly memberships: Model<MembershipDocument>) {}

  private get collection(): Collection<Membership> {
    return driverCollection(this.memberships);
  }

  /** `duplicate` when the account is a member already (of this organization or another): the unique `_id` decides. */
  async insert(membership: Membership): Promise<'inserted' | 'duplicate'> {
    try {
      await this.collection.insertOne(membership);
      return 'inserted';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  findById(accountId: string): Promise<Membership | null> {
    return this.collection.findOne({ _id: accountId });
  }

  /** The membership that came from this invitation ends; a later one is left alone. */
  async remove(accountId: string, invitationId: string): Promise<void> {
    await this.collection.deleteOne({ _id: accountId, invitationId });
  }
}
