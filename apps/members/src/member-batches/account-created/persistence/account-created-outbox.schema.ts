import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Locale } from '@app/contracts';

/**
 * The AccountCreated events of one committed chunk, waiting for the relay, which deletes the
 * document once the broker confirmed all of them. Only unsent events live here, so the relay's
 * reads stay small however many members were ever created (FerretDB scans a whole collection for
 * any query, even by `_id`). What the events share is stored once.
 */
@Schema({ collection: 'account_events_outbox', versionKey: false })
export class AccountCreatedOutboxEntry {
  /** `<batchId>:<chunk>`, like the chunk's commit result. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ type: String, required: true })
  locale: Locale;

  @Prop({ type: String, required: true })
  organizationName: string;

  @Prop({ required: true })
  occurredAt: Date;

  /**
   * `CreatedMember[]` as one JSON text: nothing queries inside it, and FerretDB writes and reads
   * one string about five times faster than the same data as 500 subdocuments.
   */
  @Prop({ required: true })
  members: string;
}

export const AccountCreatedOutboxEntrySchema = SchemaFactory.createForClass(AccountCreatedOutboxEntry);
