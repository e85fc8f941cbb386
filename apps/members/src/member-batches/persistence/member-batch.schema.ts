import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { BatchCompletedEvent, BatchCounts, BatchStatus } from '@app/contracts';

@Schema({ collection: 'member_batches', versionKey: false })
export class MemberBatch {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  organizationId: string;

  @Prop({ required: true })
  createdByAdminId: string;

  @Prop({ type: String, required: true })
  source: 'emails' | 'csv';

  @Prop({ type: String, required: true })
  status: BatchStatus;

  /** The uploaded file's name, as the admin's computer called it (CSV batches). */
  @Prop({ type: String, default: null })
  fileName: string | null;

  /** The stored upload (GridFS id) the workers read, until the batch is ready. */
  @Prop({ type: String, default: null })
  uploadId: string | null;

  @Prop({ type: [String], default: [] })
  ignoredColumns: string[];

  /** The file's header cells and delimiter, to write errors.csv in the admin's own layout. */
  @Prop({ type: [String], default: [] })
  headers: string[];

  @Prop({ type: String, default: ',' })
  delimiter: string;

  /** Rows read from the file so far (progress while a file is being read). */
  @Prop({ type: Number, default: 0 })
  parsedRows: number;

  @Prop({ type: Object, required: true })
  counts: BatchCounts;

  /** Rows are cut into chunks of this many for the import workers. */
  @Prop({ required: true })
  chunkCount: number;

  @Prop({ type: String, default: null })
  failureReason: string | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  validationStartedAt: Date | null;

  @Prop({ type: Date, default: null })
  commitStartedAt: Date | null;

  @Prop({ type: Date, default: null })
  completedAt: Date | null;

  /** BatchCompleted, written with the final status and removed once the broker confirmed it. */
  @Prop({ type: Object, default: null })
  pendingEvent: BatchCompletedEvent | null;

  @Prop({ required: true, index: true })
  eventPending: boolean;
}

export const MemberBatchSchema = SchemaFactory.createForClass(MemberBatch);

/** A batch as it starts: validating, nothing counted yet but what the caller knows. */
export function newMemberBatch(
  fields: Pick<MemberBatch, '_id' | 'organizationId' | 'createdByAdminId' | 'source' | 'fileName' | 'uploadId' | 'headers' | 'parsedRows' | 'chunkCount'> & { total: number },
): MemberBatch {
  const now = new Date();
  const { total, ...rest } = fields;
  return {
    ...rest,
    status: 'validating',
    ignoredColumns: [],
    delimiter: ',',
    counts: { total, valid: 0, invalid: 0, created: 0, failed: 0 },
    failureReason: null,
    createdAt: now,
    validationStartedAt: now,
    commitStartedAt: null,
    completedAt: null,
    pendingEvent: null,
    eventPending: false,
  };
}
