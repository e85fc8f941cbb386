import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../persistence/duplicate-key';
import { CommitResult, commitResultId } from './commit-result.schema';

@Injectable()
export class CommitResultsRepository {
  constructor(@InjectModel(CommitResult.name) private readonly results: Model<CommitResult>) {}

  /** False when the chunk was already committed (by an earlier delivery or another worker). */
  async insert(result: CommitResult): Promise<boolean> {
    try {
      await this.results.create(result);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async exists(batchId: string, chunk: number): Promise<boolean> {
    return (await this.results.exists({ _id: commitResultId(batchId, chunk) })) !== null;
  }

  async findForChunks(batchId: string, chunks: number[]): Promise<CommitResult[]> {
    const found = await Promise.all(chunks.map((chunk) => this.results.findById(commitResultId(batchId, chunk), { events: 0 }).lean<CommitResult>()));
    return found.filter((result) => result !== null);
  }

  /** Per chunk, how many rows were created and failed: progress and final counts. */
  tallies(batchId: string): Promise<{ chunk: number; created: number; failed: number }[]> {
    return this.results.find({ batchId }, { chunk: 1, created: 1, failed: 1 }).sort({ chunk: 1 }).lean();
  }

  pendingEvents(limit: number): Promise<Pick<CommitResult, '_id' | 'events'>[]> {
    return this.results.find({ eventsPending: true }, { events: 1 }).limit(limit).lean();
  }

  async markEventsPublished(id: string): Promise<void> {
    await this.results.updateOne({ _id: id }, { $set: { eventsPending: false, events: [] } });
  }
}
