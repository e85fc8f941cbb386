import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { BatchCounts } from '@app/contracts';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import { BatchMilestone } from './batch-milestone.schema';

const VALIDATE_PHASE = 'validate';
const COMMIT_PHASE = 'commit';

export interface ValidatedChunk {
  rows: number;
  valid: number;
}

export interface CommitTally {
  chunk: number;
  created: number;
  failed: number;
}

function milestoneId(batchId: string, phase: string, key: string): string {
  return `${batchId}:${phase}:${key}`;
}

@Injectable()
export class BatchMilestonesRepository {
  constructor(@InjectModel(BatchMilestone.name) private readonly milestones: Model<BatchMilestone>) {}

  /** True for the first caller only: the unique id makes this a race-safe claim. */
  record(batchId: string, phase: string, key: string, rows: number): Promise<boolean> {
    return this.insert({ _id: milestoneId(batchId, phase, key), batchId, phase, rows, chunk: null, valid: null, created: null, completedAt: new Date() });
  }

  recordValidatedChunk(batchId: string, chunk: number, validated: ValidatedChunk): Promise<boolean> {
    return this.recordChunk(batchId, VALIDATE_PHASE, chunk, { rows: validated.rows, valid: validated.valid });
  }

  /** A batch's counts once every chunk is validated, without counting its rows (a full scan on FerretDB). */
  async validationCounts(batchId: string): Promise<BatchCounts> {
    const done = await this.milestones.find({ batchId, phase: VALIDATE_PHASE }, { rows: 1, valid: 1 }).lean();
    const total = done.reduce((sum, milestone) => sum + milestone.rows, 0);
    const valid = done.reduce((sum, milestone) => sum + (milestone.valid ?? 0), 0);
    return { total, valid, invalid: total - valid, created: 0, failed: 0 };
  }

  recordCommittedChunk(batchId: string, tally: CommitTally): Promise<boolean> {
    return this.recordChunk(batchId, COMMIT_PHASE, tally.chunk, { rows: tally.created + tally.failed, created: tally.created });
  }

  async isChunkCommitted(batchId: string, chunk: number): Promise<boolean> {
    return (await this.milestones.exists({ _id: milestoneId(batchId, COMMIT_PHASE, String(chunk)) })) !== null;
  }

  /** Per committed chunk, in chunk order: progress, final counts and paging through outcomes. */
  async commitTallies(batchId: string): Promise<CommitTally[]> {
    const done = await this.milestones.find({ batchId, phase: COMMIT_PHASE }, { chunk: 1, created: 1, rows: 1 }).lean();
    return done
      .map((milestone) => ({ chunk: milestone.chunk ?? 0, created: milestone.created ?? 0, failed: milestone.rows - (milestone.created ?? 0) }))
      .sort((a, b) => a.chunk - b.chunk);
  }

  /**
   * Numbers the chunks finished in a phase in the order they finish, 0 first: the first free
   * number from `from` on, taken by a unique insert, so that the chunk that takes the last number
   * knows it may be the last without counting the others (a read that grows with every import).
   * `from` must not pass a free number.
   */
  async takeTicket(batchId: string, phase: 'validate' | 'commit', from: number): Promise<number> {
    const ticketPhase = `${phase}-ticket`;
    for (let ticket = from; ; ticket += 1) {
      const milestone = { _id: milestoneId(batchId, ticketPhase, String(ticket)), batchId, phase: ticketPhase, rows: 0, chunk: null, valid: null, created: null, completedAt: new Date() };
      if (await this.insert(milestone)) return ticket;
    }
  }

  async remove(batchId: string, phase: string, key: string): Promise<void> {
    await this.milestones.deleteOne({ _id: milestoneId(batchId, phase, key) });
  }

  count(batchId: string, phase: string): Promise<number> {
    return this.milestones.countDocuments({ batchId, phase });
  }

  /** Rows done in a phase so far, for progress figures. */
  async rowsDone(batchId: string, phase: string): Promise<number> {
    const done = await this.milestones.find({ batchId, phase }, { rows: 1 }).lean();
    return done.reduce((sum, milestone) => sum + milestone.rows, 0);
  }

  private recordChunk(batchId: string, phase: string, chunk: number, tally: Pick<BatchMilestone, 'rows'> & Partial<Pick<BatchMilestone, 'valid' | 'created'>>): Promise<boolean> {
    return this.insert({ _id: milestoneId(batchId, phase, String(chunk)), batchId, phase, chunk, valid: null, created: null, ...tally, completedAt: new Date() });
  }

  private insert(milestone: BatchMilestone): Promise<boolean> {
    return insertedOnce(this.milestones.create(milestone));
  }
}
