import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export type SentNotificationState = 'sending' | 'sent' | 'skipped';

/** One per event or command that may lead to a mail, keyed by its id: the dedupe record. */
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

  /** Names the one delivery holding the claim; only it may complete or release it. */
  @Prop({ required: true })
  claimId: string;

  @Prop({ required: true })
  claimedAt: Date;

  /** Past this, a claim still `sending` belongs to a sender that stopped, and may be taken over. */
  @Prop({ required: true })
  leaseUntil: Date;

  /** The try (1 for the first) that sent the mail. */
  @Prop({ type: Number, default: null })
  attempt: number | null;

  @Prop({ type: Date, default: null })
  completedAt: Date | null;

  /** Why no mail was needed, for a `skipped` record. */
  @Prop({ type: String, default: null })
  skippedReason: string | null;
}

export const SentNotificationSchema = SchemaFactory.createForClass(SentNotification);
