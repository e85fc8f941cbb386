import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export type SentNotificationState = 'sent' | 'skipped';

/**
 * What became of an event or command that may lead to a mail, keyed by its id: inserted once,
 * when its mail was accepted by the SMTP server or found unnecessary, and never updated.
 */
@Schema({ collection: 'sent_notifications', versionKey: false })
export class SentNotification {
  /** The id of the event or command (a UUID). */
  @Prop({ type: String, required: true })
  _id: string;

  /** Which kind of message it was, e.g. `account-created`. */
  @Prop({ required: true })
  kind: string;

  @Prop({ type: String, required: true })
  state: SentNotificationState;

  /** The try (1 for the first) that sent the mail, or found it unnecessary. */
  @Prop({ required: true })
  attempt: number;

  @Prop({ required: true })
  completedAt: Date;

  /** Why no mail was needed, for a `skipped` record. */
  @Prop({ type: String, default: null })
  skippedReason: string | null;
}

export const SentNotificationSchema = SchemaFactory.createForClass(SentNotification);
