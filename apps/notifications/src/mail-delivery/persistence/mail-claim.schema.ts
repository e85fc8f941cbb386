import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A mail being sent right now, keyed by the id of the event or command it answers: inserted
 * before the mail is written, removed only when a try fails (so that the retry can claim it).
 */
@Schema({ collection: 'mail_claims', versionKey: false })
export class MailClaim {
  /** The id of the event or command (a UUID). */
  @Prop({ type: String, required: true })
  _id: string;

  /** Which kind of message it was, e.g. `account-created`. */
  @Prop({ required: true })
  kind: string;

  /** Names the one delivery holding the claim; only it may release it. */
  @Prop({ required: true })
  claimId: string;

  @Prop({ required: true })
  claimedAt: Date;

  /** Past this, a claim without a sent notification belongs to a sender that stopped, and may be taken over. */
  @Prop({ required: true })
  leaseUntil: Date;
}

export const MailClaimSchema = SchemaFactory.createForClass(MailClaim);
