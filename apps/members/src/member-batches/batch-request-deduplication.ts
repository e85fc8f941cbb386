import { Injectable } from '@nestjs/common';
import type { MemberBatch } from './member-batch';
import { BatchClaimsRepository } from './persistence/batch-claims.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/**
 * "Same request, same batch": the same file bytes or the same Idempotency-Key in one organization
 * answer the batch already made, as long as it is not finished. Keys are claimed by unique
 * insert (batch_claims); a finished batch's key is freed by a checked delete and claimed again.
 */
@Injectable()
export class BatchRequestDeduplication {
  constructor(
    private readonly claims: BatchClaimsRepository,
    private readonly batches: MemberBatchesRepository,
  ) {}

  static fileKey(organizationId: string, sha256: string): string {
    return `${organizationId}:file:${sha256}`;
  }

  static idempotencyKey(organizationId: string, key: string): string {
    return `${organizationId}:key:${key}`;
  }

  /** The unfinished batch that already answers one of the keys, or null once `batchId` holds them all. */
  async existingOrClaim(keys: string[], batchId: string): Promise<MemberBatch | null> {
    const claimed: string[] = [];
    for (const key of keys) {
      const existing = await this.claim(key, batchId);
      if (existing) {
        for (const mine of claimed) await this.claims.releaseRequestKey(mine, batchId);
        return existing;
      }
      claimed.push(key);
    }
    return null;
  }

  async release(keys: string[], batchId: string): Promise<void> {
    for (const key of keys) await this.claims.releaseRequestKey(key, batchId);
  }

  private async claim(key: string, batchId: string): Promise<MemberBatch | null> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const holderId = await this.claims.claimRequestKey(key, batchId);
      if (holderId === null || holderId === batchId) return null;
      const holder = await this.batches.findById(holderId);
      if (holder && holder.status !== 'completed' && holder.status !== 'failed') return holder;
      await this.claims.releaseRequestKey(key, holderId);
    }
    return null;
  }
}
