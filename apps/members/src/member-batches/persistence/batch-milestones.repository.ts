import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../persistence/duplicate-key';
import { BatchMilestone } from './batch-milestone.schema';

@Injectable()
export class BatchMilestonesRepository {
  constructor(@InjectModel(BatchMilestone.name) private readonly milestones: Model<BatchMilestone>) {}

  /** True for the first caller only: the unique id makes this a race-safe claim. */
  async record(batchId: string, phase: string, key: string, rows: number): Promise<boolean> {
    try {
      await this.milestones.create({ _id: `${batchId}:${phase}:${key}`, batchId, phase, rows, completedAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async remove(batchId: string, phase: string, key: string): Promise<void> {
    await this.milestones.deleteOne({ _id: `${batchId}:${phase}:${key}` });
  }

  count(batchId: string, phase: string): Promise<number> {
    return this.milestones.countDocuments({ batchId, phase });
  }

  /** Rows done in a phase so far, for progress figures. */
  async rowsDone(batchId: string, phase: string): Promise<number> {
    const done = await this.milestones.find({ batchId, phase }, { rows: 1 }).lean();
    return done.reduce((sum, milestone) => sum + milestone.rows, 0);
  }
}
