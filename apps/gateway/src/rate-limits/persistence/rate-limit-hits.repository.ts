import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { driverCollection } from '@app/persistence';
import { RateLimitHit } from './rate-limit-hit.schema';

@Injectable()
export class RateLimitHitsRepository {
  constructor(@InjectModel(RateLimitHit.name) private readonly hits: Model<RateLimitHit>) {}

  private get collection(): Collection<RateLimitHit> {
    return driverCollection(this.hits);
  }

  /**
   * Records a hit, then counts the bucket's hits, this one included. Insert first, count after:
   * a request counted as the n-th has at least n - 1 hits inserted before it, so however many
   * gateways race, no more than `limit` requests ever see a count within the limit.
   */
  async hitAndCount(bucket: string, expiresAt: Date): Promise<number> {
    await this.collection.insertOne({ _id: randomUUID(), bucket, expiresAt });
    return this.collection.countDocuments({ bucket });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.collection.deleteMany({ expiresAt: { $lte: now } });
  }
}
