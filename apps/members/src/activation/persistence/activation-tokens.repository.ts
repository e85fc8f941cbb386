import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '../../persistence/duplicate-key';
import { ActivationToken, ActivationTokenUse } from './activation-token.schema';

@Injectable()
export class ActivationTokensRepository {
  constructor(
    @InjectModel(ActivationToken.name) private readonly tokens: Model<ActivationToken>,
    @InjectModel(ActivationTokenUse.name) private readonly uses: Model<ActivationTokenUse>,
  ) {}

  /** Stores a new link for the member and revokes the ones before it. */
  async replaceForMember(token: ActivationToken): Promise<void> {
    await this.tokens.updateMany({ memberId: token.memberId, revokedAt: null }, { $set: { revokedAt: token.createdAt } });
    await this.tokens.create(token);
  }

  findByHash(hash: string): Promise<ActivationToken | null> {
    return this.tokens.findById(hash).lean();
  }

  async isUsed(hash: string): Promise<boolean> {
    return (await this.uses.exists({ _id: hash })) !== null;
  }

  /** True for exactly one caller per token. */
  async markUsed(hash: string): Promise<boolean> {
    return insertedOnce(this.uses.create({ _id: hash, usedAt: new Date() }));
  }

  async revokeAllForMember(memberId: string): Promise<void> {
    await this.tokens.updateMany({ memberId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }
}
