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

  /** Rows done in a phase and when the last chunk finished, for progress figures. */
  async progress(batchId: string, phase: string): Promise<{ rows: number; lastAt: Date | null }> {
    const done = await this.milestones.find({ batchId, phase }, { rows: 1, completedAt: 1 }).lean();
    let rows = 0;
    let lastAt: Date | null = null;
    for (const completion of done) {
      rows += completion.rows;
      if (!lastAt || completion.completedAt > lastAt) lastAt = completion.completedAt;
    }
    return { rows, lastAt };
  }
}
