import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import type { Model } from 'mongoose';
import type { InvitationStatus, Page } from '@app/contracts';
import { driverCollection, isDuplicateKeyError } from '@app/persistence';
import type { Invitation, MembershipEnded } from '../domain/invitation';
import { InvitationDocument } from './invitation.schema';

/** What ends a pending invitation: the status it ends in, when, by which admin (a cancellation), and the event telling it. */
export interface InvitationEnding {
  status: Exclude<InvitationStatus, 'pending'>;
  at: Date;
  by: string | null;
  eventId: string;
}

@Injectable()
export class InvitationsRepository {
  constructor(@InjectModel(InvitationDocument.name) private readonly invitations: Model<InvitationDocument>) {}

  private get collection(): Collection<Invitation> {
    return driverCollection(this.invitations);
  }

  /** `duplicate` when an invitation with this id exists (a batch's commit redone). */
  async insert(invitation: Invitation): Promise<'inserted' | 'duplicate'> {
    try {
      await this.collection.insertOne(invitation);
      return 'inserted';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  findById(id: string): Promise<Invitation | null> {
    return this.collection.findOne({ _id: id });
  }

  /** One of the organization's invitations; another organization's is not found. */
  findInOrganization(organizationId: string, id: string): Promise<Invitation | null> {
    return this.collection.findOne({ _id: id, organizationId });
  }

  /** The organization's invitations, newest first. */
  async list(organizationId: string, status: InvitationStatus | undefined, page: number, limit: number): Promise<Page<Invitation>> {
    const filter: Filter<Invitation> = status ? { organizationId, status } : { organizationId };
    const [items, total] = await Promise.all([
      this.collection
        .find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items, page, limit, total };
  }

  /** Every invitation of one personal account (a person has few). */
  ofAccount(accountId: string): Promise<Invitation[]> {
    return this.collection.find({ accountId }).toArray();
  }

  /** How many invitations this organization ever wrote for the account. */
  countFor(organizationId: string, accountId: string): Promise<number> {
    return this.collection.countDocuments({ accountId, organizationId });
  }

  /** This organization's pending invitation of the account, if there is one. */
  pendingFor(organizationId: string, accountId: string): Promise<Invitation | null> {
    return this.collection.findOne({ accountId, status: 'pending', organizationId });
  }

  /** Pending invitations past their expiry, `limit` at most. */
  pastExpiry(now: Date, limit: number): Promise<Invitation[]> {
    return this.collection
      .find({ status: 'pending', expiresAt: { $lte: now } })
      .limit(limit)
      .toArray();
  }

  /** Ends a pending invitation; false when it was not pending any more. */
  async end(id: string, ending: InvitationEnding): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, status: 'pending' },
      { $set: { status: ending.status, endedAt: ending.at, endedBy: ending.by }, $addToSet: { eventIds: ending.eventId } },
    );
    return result.matchedCount === 1;
  }

  /** An accepted invitation's membership ended: the first ending recorded is kept, and the event id recorded either way. */
  async recordMembershipEnded(id: string, ended: MembershipEnded, eventId: string): Promise<void> {
    const result = await this.collection.updateOne({ _id: id, membershipEnded: null }, { $set: { membershipEnded: ended }, $addToSet: { eventIds: eventId } });
    if (result.matchedCount === 0) await this.collection.updateOne({ _id: id }, { $addToSet: { eventIds: eventId } });
  }

  /** Another invitation mail was asked for. */
  async markSent(id: string, at: Date): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { lastSentAt: at } });
  }

  /** The account is deleted: its invitations forget the address and first name it had. */
  async erasePersonalData(accountId: string): Promise<void> {
    await this.collection.updateMany({ accountId }, { $set: { email: '', firstName: null } });
  }
}
