import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One document per milestone of a batch (`<batchId>:<phase>:<key>`: a chunk done, the commit
 * claimed, the batch closed), inserted once. The unique id makes each a race-safe claim: a
 * redelivered chunk cannot count twice, two commits cannot both start, a batch closes once.
 */
@Schema({ collection: 'batch_milestones', versionKey: false })
export class BatchMilestone {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ required: true })
  phase: string;

  @Prop({ required: true })
  rows: number;

  /** For a validated or committed chunk: its number. */
  @Prop({ type: Number, default: null })
  chunk: number | null;

  /** For a validated chunk: how many of its rows are valid (the others are invalid). */
  @Prop({ type: Number, default: null })
  valid: number | null;

  /** For a committed chunk: how many of its rows became accounts (the others failed). */
  @Prop({ type: Number, default: null })
  created: number | null;

  @Prop({ required: true })
  completedAt: Date;
}

export const BatchMilestoneSchema = SchemaFactory.createForClass(BatchMilestone);
BatchMilestoneSchema.index({ batchId: 1, phase: 1 });
