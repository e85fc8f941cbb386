import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import { chunkDocumentId, CommitResult } from './commit-result.schema';

@Injectable()
export class CommitResultsRepository {
  constructor(@InjectModel(CommitResult.name) private readonly results: Model<CommitResult>) {}

  /** False when an earlier attempt at the chunk already wrote its result. */
  insert(result: CommitResult): Promise<boolean> {
    return insertedOnce(this.results.create(result));
  }

  findById(batchId: string, chunk: number): Promise<CommitResult | null> {
    return this.results.findById(chunkDocumentId(batchId, chunk)).lean<CommitResult>();
  }

  async findForChunks(batchId: string, chunks: number[]): Promise<CommitResult[]> {
    const found = await Promise.all(chunks.map((chunk) => this.findById(batchId, chunk)));
    return found.filter((result) => result !== null);
  }
}
