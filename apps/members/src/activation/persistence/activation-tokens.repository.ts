import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, insertedOnce, insertManyRefused } from '@app/persistence';
import { type ActivationTokenParts, sameSecretHash } from '../activation-token-codec';
import { ActivationToken } from './activation-token.schema';

/** A link as the activation pages need it. */
export interface StoredActivationLink {
  tokenHash: string;
  memberId: string;
  organizationId: string;
  /** Null for a link issued before 0.4. */
  seq: number | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewActivationLink {
  tokenHash: string;
  memberId: string;
  organizationId: string;
  createdAt: Date;
  expiresAt: Date;
}

type NewRecord = Omit<NewActivationLink, 'tokenHash'> & { tokenHash: string | null };

/** Concurrent issuers of one member's links each take the next number; this many collisions in a row is a fault. */
const NUMBERING_TRIES = 20;

@Injectable()
export class ActivationTokensRepository {
  constructor(@InjectModel(ActivationToken.name) private readonly tokens: Model<ActivationToken>) {}

  /** The driver: many links in one insert, without mongoose's casting. */
  private get collection(): Collection<ActivationToken> {
    return driverCollection(this.tokens);
  }

  /**
   * Stores new links, each numbered after its member's records so that it ends the earlier ones,
   * and answers their numbers in order. All are first inserted as number 0, at once: a member's
   * first link, the common case in bulk, costs that insert and nothing else. Only members who had
   * a record already are read.
   */
  async add(links: NewActivationLink[]): Promise<number[]> {
    const numbers = links.map(() => 0);
    const refused = await insertManyRefused(this.collection, links.map((link) => this.record(link, 0)));
    for (const index of refused) numbers[index] = await this.appendAfterNewest(links[index]);
    return numbers;
  }

  /** Ends every link of the member issued until now. */
  async revokeAllForMember(memberId: string, organizationId: string): Promise<void> {
    const now = new Date();
    await this.appendAfterNewest({ memberId, organizationId, tokenHash: null, createdAt: now, expiresAt: now });
  }

  /** The link the token names, if its secret is the one given out; a revocation is no link. */
  async findLink(token: ActivationTokenParts): Promise<StoredActivationLink | null> {
    const record = token.recordId === null ? await this.findBySecretHashAlone(token.secretHash) : await this.collection.findOne({ _id: token.recordId });
    if (!record || record.revocation || !record.tokenHash || !sameSecretHash(record.tokenHash, token.secretHash)) return null;
    const { memberId, organizationId, createdAt, expiresAt, tokenHash } = record;
    return { tokenHash, memberId, organizationId, seq: record.seq ?? null, createdAt, expiresAt };
  }

  /** A token given out by 0.4 or earlier, which names no record: a link of 0.4 (numbered, found by its hash) or of before (the hash is its `_id`). */
  private async findBySecretHashAlone(secretHash: string): Promise<ActivationToken | null> {
    const record = (await this.collection.findOne({ tokenHash: secretHash })) ?? (await this.collection.findOne({ _id: secretHash }));
    return record && { ...record, tokenHash: record.tokenHash ?? record._id };
  }

  /** True when a record numbered after this link exists (for a link of before 0.4: any numbered record, or a later one of before 0.4). */
  async isSuperseded(link: StoredActivationLink): Promise<boolean> {
    if (link.seq !== null) return this.exists(`${link.memberId}:${link.seq + 1}`);
    if (await this.exists(`${link.memberId}:0`)) return true;
    const newer = await this.tokens.exists({
      memberId: link.memberId,
      $or: [{ createdAt: { $gt: link.createdAt } }, { createdAt: link.createdAt, _id: { $gt: link.tokenHash } }],
    });
    return newer !== null;
  }

  private async exists(id: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: id }, { limit: 1 })) > 0;
  }

  /** Inserts the record as its member's next number (the newest plus one, again after losing a race for it), and answers it. */
  private async appendAfterNewest(record: NewRecord): Promise<number> {
    for (let attempt = 0; attempt < NUMBERING_TRIES; attempt += 1) {
      const seq = (await this.newestNumber(record.memberId)) + 1;
      if (await insertedOnce(this.collection.insertOne(this.record(record, seq)))) return seq;
    }
    throw new Error(`member ${record.memberId}: no free activation record number after ${NUMBERING_TRIES} tries`);
  }

  /**
   * The member's highest record number, -1 when there is none. Numbers have no gaps (each is
   * inserted only after the one before it exists), so reads by `_id` find it, doubling then
   * halving: two for a member with one link. A query by `memberId` would read every link on FerretDB.
   */
  private async newestNumber(memberId: string): Promise<number> {
    if (!(await this.exists(`${memberId}:0`))) return -1;
    let present = 0;
    let absent = 1;
    while (await this.exists(`${memberId}:${absent}`)) [present, absent] = [absent, absent * 2];
    while (absent - present > 1) {
      const middle = Math.floor((present + absent) / 2);
      if (await this.exists(`${memberId}:${middle}`)) present = middle;
      else absent = middle;
    }
    return present;
  }

  private record(record: NewRecord, seq: number): ActivationToken {
    return { _id: `${record.memberId}:${seq}`, seq, revocation: record.tokenHash === null, ...record };
  }
}
