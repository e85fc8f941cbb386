import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { driverCollection, insertedOnce } from '@app/persistence';
import { ActivationToken, ActivationTokenUse } from './activation-token.schema';

type NewActivationToken = Omit<ActivationToken, 'revocation'>;

@Injectable()
export class ActivationTokensRepository {
  constructor(
    @InjectModel(ActivationToken.name) private readonly tokens: Model<ActivationToken>,
    @InjectModel(ActivationTokenUse.name) private readonly uses: Model<ActivationTokenUse>,
  ) {}

  /** The driver: many links in one insert, without mongoose's casting. */
  private get collection(): Collection<ActivationToken> {
    return driverCollection(this.tokens);
  }

  /** Stores new links; being each member's newest record, they end the ones before them. */
  async add(tokens: NewActivationToken[]): Promise<void> {
    await this.collection.insertMany(tokens.map((token) => ({ ...token, revocation: false })), { ordered: false });
  }

  /** Ends every link of the member issued until now. */
  async revokeAllForMember(memberId: string, organizationId: string): Promise<void> {
    const now = new Date();
    await this.collection.insertOne({ _id: `revocation:${randomUUID()}`, memberId, organizationId, createdAt: now, expiresAt: now, revocation: true });
  }

  findLinkByHash(hash: string): Promise<ActivationToken | null> {
    return this.tokens.findOne({ _id: hash, revocation: false }).lean();
  }

  /** True when a link or a revocation came after this link (equal times are ordered by id). */
  async isSuperseded(token: ActivationToken): Promise<boolean> {
    const newer = await this.tokens.exists({
      memberId: token.memberId,
      $or: [{ createdAt: { $gt: token.createdAt } }, { createdAt: token.createdAt, _id: { $gt: token._id } }],
    });
    return newer !== null;
  }

  async isUsed(hash: string): Promise<boolean> {
    return (await this.uses.exists({ _id: hash })) !== null;
  }

  /** True for exactly one caller per token. */
  async markUsed(hash: string): Promise<boolean> {
    return insertedOnce(this.uses.create({ _id: hash, usedAt: new Date() }));
  }
}
