import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A step of a batch that only one caller may take, taken by inserting its id: starting the
 * commit (`<batchId>:commit`), closing a phase (`<batchId>:validate-closed`, `…:commit-closed`,
 * `…:failed`), a finishing ticket (`<batchId>:<phase>-ticket:<n>`, see BatchFinalizer), or a
 * request key that makes a second identical upload answer the same batch (`request:<key>`,
 * released when that batch is finished). The unique `_id` settles every race.
 */
@Schema({ collection: 'batch_claims', versionKey: false })
export class BatchClaimDocument {
  @Prop({ type: String, required: true })
  _id: string;

  /** The batch that holds the claim. */
  @Prop({ required: true, index: true })
  batchId: string;

  @Prop({ required: true })
  claimedAt: Date;
}

export const BatchClaimSchema = SchemaFactory.createForClass(BatchClaimDocument);
