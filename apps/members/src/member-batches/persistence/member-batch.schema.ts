import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { BatchCompletedEvent, BatchCounts, BatchStatus } from '@app/contracts';
import type { MemberBatch } from '../member-batch';

/** A batch as member_batches stores it; see MemberBatch. */
@Schema({ collection: 'member_batches', versionKey: false })
export class MemberBatchDocument implements MemberBatch {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  createdByAdminId: string;

  @Prop({ type: String, required: true })
  source: 'emails' | 'csv';

  @Prop({ type: String, required: true })
  status: BatchStatus;

  @Prop({ type: String, default: null })
  fileName: string | null;

  @Prop({ type: String, default: null })
  uploadId: string | null;

  @Prop({ type: [String], default: [] })
  ignoredColumns: string[];

  @Prop({ type: String, default: null })
  emailColumn: string | null;

  @Prop({ type: [String], default: [] })
  headers: string[];

  @Prop({ type: String, default: ',' })
  delimiter: string;

  @Prop({ type: Number, default: 0 })
  parsedRows: number;

  @Prop({ type: Object, required: true })
  counts: BatchCounts;

  @Prop({ type: Object, default: {} })
  validShiftByChunk: Record<string, number>;

  @Prop({ required: true })
  chunkCount: number;

  @Prop({ type: String, default: null })
  failureReason: string | null;

  @Prop({ type: String, default: null })
  failureCode: string | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  validationStartedAt: Date | null;

  @Prop({ type: Date, default: null })
  commitStartedAt: Date | null;

  @Prop({ type: String, default: null })
  committedByAdminId?: string | null;

  @Prop({ type: Date, default: null })
  completedAt: Date | null;

  @Prop({ type: Object, default: null })
  pendingEvent: BatchCompletedEvent | null;

  @Prop({ required: true, index: true })
  eventPending: boolean;
}

export const MemberBatchSchema = SchemaFactory.createForClass(MemberBatchDocument);
// The organization's batches newest first; its prefix serves every other read by organization.
MemberBatchSchema.index({ organizationId: 1, createdAt: -1, _id: -1 });
