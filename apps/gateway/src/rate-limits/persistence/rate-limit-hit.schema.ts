import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One request counted against a per-address limit, in the window it fell in. */
@Schema({ collection: 'rate_limit_hits', versionKey: false })
export class RateLimitHit {
  @Prop({ type: String, required: true })
  _id: string;

  /** The throttler's key (route and address, hashed) and the window's number: the hits counted together. */
  @Prop({ required: true })
  bucket: string;

  /** The end of the window: hits past it are deleted. */
  @Prop({ required: true })
  expiresAt: Date;
}

export const RateLimitHitSchema = SchemaFactory.createForClass(RateLimitHit);
RateLimitHitSchema.index({ bucket: 1 });
RateLimitHitSchema.index({ expiresAt: 1 });
