import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce, isDuplicateKeyError } from '@app/persistence';
import type { ReportedPhase } from '../chunk-report';
import { BatchClaimDocument } from './batch-claim.schema';

/** The once-only steps of a batch; see BatchClaimDocument. */
export type BatchStep = 'commit' | 'validate-closed' | 'commit-closed' | 'failed';

@Injectable()
export class BatchClaimsRepository {
  constructor(@InjectModel(BatchClaimDocument.name) private readonly claims: Model<BatchClaimDocument>) {}

  /** True for the first caller only. */
  claimStep(batchId: string, step: BatchStep): Promise<boolean> {
    return this.insert(`${batchId}:${step}`, batchId);
  }

  /** Gives a step back, when what it started could not start. */
  async releaseStep(batchId: string, step: BatchStep): Promise<void> {
    await this.claims.deleteOne({ _id: `${batchId}:${step}` });
  }

  /**
   * Numbers the chunks finished in a phase in the order they finish, 0 first: the first free
   * number from `from` on, taken by a unique insert, so that the chunk that takes the last number
   * knows it may be the last without counting the others. `from` must not pass a free number.
   */
  async takeTicket(batchId: string, phase: ReportedPhase, from: number): Promise<number> {
    for (let ticket = from; ; ticket += 1) {
      if (await this.claimTicket(batchId, phase, ticket)) return ticket;
    }
  }

  /** That one ticket, if still free. */
  claimTicket(batchId: string, phase: ReportedPhase, ticket: number): Promise<boolean> {
    return this.insert(`${batchId}:${phase}-ticket:${ticket}`, batchId);
  }

  /** The batch already holding the request key, or null once this batch holds it. */
  async claimRequestKey(key: string, batchId: string): Promise<string | null> {
    try {
      await this.claims.create({ _id: `request:${key}`, batchId, claimedAt: new Date() });
      return null;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const holder = await this.claims.findById(`request:${key}`).lean();
      return holder?.batchId ?? null;
    }
  }

  /** Frees a request key, only if this batch still holds it (a checked delete). */
  async releaseRequestKey(key: string, batchId: string): Promise<void> {
    await this.claims.deleteOne({ _id: `request:${key}`, batchId });
  }

  private insert(_id: string, batchId: string): Promise<boolean> {
    return insertedOnce(this.claims.create({ _id, batchId, claimedAt: new Date() }));
  }
}
