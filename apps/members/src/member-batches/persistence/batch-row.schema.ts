import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReviewedStatus } from '../batch-row';

/**
 * A batch row as stored: what rows are looked up or sorted by, as fields; the rest as one JSON
 * text (`BatchRowDetails`), since nothing queries inside it and FerretDB writes and reads a
 * document in time proportional to its number of values (a chunk of wide rows took 280 ms).
 */
@Schema({ collection: 'batch_rows', versionKey: false })
export class BatchRowDocument {
  /** Also the id of the account this row creates, which makes creation idempotent. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ required: true })
  organizationId: string;

  /** The line (or position, for typed emails) the admin can find the row at. */
  @Prop({ required: true })
  line: number;

  @Prop({ required: true })
  chunk: number;

  @Prop({ type: String, required: true })
  status: ReviewedStatus;

  /** The rest of the row, as JSON. */
  @Prop({ required: true })
  details: string;
}

export const BatchRowDocumentSchema = SchemaFactory.createForClass(BatchRowDocument);
BatchRowDocumentSchema.index({ batchId: 1, line: 1 });
BatchRowDocumentSchema.index({ batchId: 1, status: 1, line: 1 });
BatchRowDocumentSchema.index({ batchId: 1, chunk: 1 });
