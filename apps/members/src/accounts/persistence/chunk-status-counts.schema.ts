import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountStatus } from '@app/contracts';

/**
 * How many of the members one chunk of a batch created have each status, as counted from the
 * chunk's accounts (at most a chunk's worth) when a status filter needed it. Written only by the
 * members list; a chunk marked in `chunks_to_recount` since is counted again before it is used.
 */
@Schema({ collection: 'chunk_status_counts', versionKey: false })
export class ChunkStatusCountsDocument {
  /** `<batchId>:<chunk>`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  organizationId: string;

  @Prop({ type: Object, required: true })
  counts: Partial<Record<AccountStatus, number>>;
}

export const ChunkStatusCountsSchema = SchemaFactory.createForClass(ChunkStatusCountsDocument);

/**
 * A chunk one of whose members changed status (activation, suspension, reactivation, deletion)
 * since it was last counted. Each change writes a new `mark`; a recount removes the mark it saw
 * only if it is still that one, so a change during the recount keeps the chunk marked.
 */
@Schema({ collection: 'chunks_to_recount', versionKey: false })
export class ChunkToRecountDocument {
  /** `<batchId>:<chunk>`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  organizationId: string;

  @Prop({ required: true })
  mark: string;
}

export const ChunkToRecountSchema = SchemaFactory.createForClass(ChunkToRecountDocument);
