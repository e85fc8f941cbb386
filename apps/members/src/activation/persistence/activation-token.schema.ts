import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An activation link, known only by the SHA-256 of its token. */
@Schema({ collection: 'activation_tokens', versionKey: false })
export class ActivationToken {
  /** SHA-256 (hex) of the token: the token itself is never stored. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  memberId: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  createdAt: Date;

  /** Expiry is checked on use; MongoDB TTL indexes are not portable to FerretDB. */
  @Prop({ required: true })
  expiresAt: Date;

  /** Set when a newer link replaced this one. */
  @Prop({ type: Date, default: null })
  revokedAt: Date | null;
}

export const ActivationTokenSchema = SchemaFactory.createForClass(ActivationToken);

/** The use of a token: inserted once, so two concurrent activations cannot both succeed. */
@Schema({ collection: 'activation_token_uses', versionKey: false })
export class ActivationTokenUse {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  usedAt: Date;
}

export const ActivationTokenUseSchema = SchemaFactory.createForClass(ActivationTokenUse);
