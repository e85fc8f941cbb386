import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A password check reserved for one account (or one unknown login) in one window: `_id` is
 * `<account key>:<window>:<slot>`, and only `MAX_FAILED_SIGN_INS` slots exist per window, so a
 * unique insert decides who may check a password, however many try at once.
 */
@Schema({ collection: 'sign_in_attempts', versionKey: false })
export class SignInAttempt {
  @Prop({ type: String, required: true })
  _id: string;

  /** The window's number since the epoch; earlier windows are deleted. */
  @Prop({ required: true })
  window: number;

  @Prop({ required: true })
  at: Date;
}

export const SignInAttemptSchema = SchemaFactory.createForClass(SignInAttempt);
/** Serves the purge of earlier windows on MongoDB. */
SignInAttemptSchema.index({ window: 1 });
