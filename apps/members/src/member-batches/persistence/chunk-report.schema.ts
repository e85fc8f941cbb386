import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReportedPhase } from '../chunk-report';

/**
 * What a job reported for one chunk of a batch, inserted once when the job finishes it:
 * `validate` (rows and valid rows) or `commit` (accounts created, invitations, rows failed, the notable
 * outcomes). Counts, progress, paging after commit and the members list add these up instead of
 * counting rows or accounts. Reports stay small (rows live in batch_rows and snapshots), because
 * FerretDB reads every report of every batch to find one batch's.
 */
@Schema({ collection: 'batch_chunk_reports', versionKey: false })
export class ChunkReportDocument {
  /** `<batchId>:<phase>:<chunk>`: a chunk redone cannot report twice. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ type: String, required: true })
  phase: ReportedPhase;

  @Prop({ required: true })
  chunk: number;

  /** Validate: the chunk's rows. Commit: its valid rows, created, invited or failed. */
  @Prop({ required: true })
  rows: number;

  /** Validate: how many rows are valid (the others are invalid). */
  @Prop({ type: Number, default: null })
  valid: number | null;

  /** Commit: how many rows became accounts (the others were invited or failed). */
  @Prop({ type: Number, default: null })
  created: number | null;

  /** Commit: how many rows became invitations of personal accounts (absent in reports before invitations: none). */
  @Prop({ type: Number, default: null })
  invited?: number | null;

  /** Commit: `RowOutcome[]` as JSON text, null when every row was created as reviewed. */
  @Prop({ type: String, default: null })
  notableOutcomes: string | null;

  @Prop({ required: true })
  completedAt: Date;
}

export const ChunkReportSchema = SchemaFactory.createForClass(ChunkReportDocument);
ChunkReportSchema.index({ batchId: 1, phase: 1 });
