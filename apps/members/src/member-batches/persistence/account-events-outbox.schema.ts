import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The AccountCreated events of one committed chunk, waiting for the relay, which deletes the
 * document once the broker confirmed all of them. Only unsent events live here, so the relay's
 * reads stay small however many members were ever created (FerretDB scans a whole collection for
 * any query, even by `_id`).
 */
@Schema({ collection: 'account_events_outbox', versionKey: false })
export class AccountEventsOutboxEntry {
  /** `<batchId>:<chunk>`, like the chunk's commit result. */
  @Prop({ type: String, required: true })
  _id: string;

  /**
   * The events as one JSON text: nothing queries inside them, and FerretDB writes and reads one
   * string about five times faster than the same data as 500 subdocuments.
   */
  @Prop({ required: true })
  events: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const AccountEventsOutboxEntrySchema = SchemaFactory.createForClass(AccountEventsOutboxEntry);
