import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { BatchRow } from './batch-row.schema';

/**
 * The rows of one chunk as they were written, in one document, so that committing a chunk reads
 * one document instead of 500 (reading 500 rows back costs about a second on FerretDB). A review
 * edit removes its chunk's snapshot; the commit then reads that chunk's rows one by one.
 */
@Schema({ collection: 'batch_chunk_snapshots', versionKey: false })
export class ChunkSnapshot {
  /** `<batchId>:<chunk>`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  batchId: string;

  @Prop({ type: [Object], required: true })
  rows: BatchRow[];
}

export const ChunkSnapshotSchema = SchemaFactory.createForClass(ChunkSnapshot);
