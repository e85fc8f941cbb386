import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * What makes two requests the same batch: an organization's Idempotency-Key, or the bytes of the
 * file it uploaded. `_id` is the key, inserted once, so concurrent duplicates find one batch.
 */
@Schema({ collection: 'batch_request_keys', versionKey: false })
export class BatchRequestKey {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const BatchRequestKeySchema = SchemaFactory.createForClass(BatchRequestKey);
