import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An account name held by one row of a batch; `_id` is `<batchId>:<name>`, so a name has one holder. */
@Schema({ collection: 'batch_name_claims', versionKey: false })
export class BatchNameClaim {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  batchId: string;

  @Prop({ required: true })
  rowId: string;
}

export const BatchNameClaimSchema = SchemaFactory.createForClass(BatchNameClaim);
