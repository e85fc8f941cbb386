import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '@app/persistence';
import { BatchRequestKey } from './batch-request-key.schema';

@Injectable()
export class BatchRequestKeysRepository {
  constructor(@InjectModel(BatchRequestKey.name) private readonly keys: Model<BatchRequestKey>) {}

  /** The batch already holding the key, or null once this batch holds it. */
  async claim(key: string, batchId: string): Promise<string | null> {
    try {
      await this.keys.create({ _id: key, batchId, createdAt: new Date() });
      return null;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const holder = await this.keys.findById(key).lean();
      return holder?.batchId ?? null;
    }
  }

  /** Frees a key, only if it still points at this batch (a checked delete). */
  async release(key: string, batchId: string): Promise<boolean> {
    const result = await this.keys.deleteOne({ _id: key, batchId });
    return result.deletedCount === 1;
  }
}
