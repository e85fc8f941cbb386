import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An activation link, known only by the SHA-256 of its token, or a revocation of a member's links.
 * Nothing here is ever updated: a member's newest record decides, so issuing a link costs one
 * insert (an update by `memberId` reads the whole collection on FerretDB, which grows with every
 * member). A link is live while it is its member's newest record and has not expired.
 */
@Schema({ collection: 'activation_tokens', versionKey: false })
export class ActivationToken {
  /** SHA-256 (hex) of the token: the token itself is never stored. A revocation has a random id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  memberId: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  createdAt: Date;

  /** Expiry is checked on use; MongoDB TTL indexes are not portable to FerretDB. */
  @Prop({ required: true })
  expiresAt: Date;

  /** A revocation is no link: it only ends the links issued before it. */
  @Prop({ required: true })
  revocation: boolean;
}

export const ActivationTokenSchema = SchemaFactory.createForClass(ActivationToken);
/** Serves "is there a newer record for this member?" on MongoDB. */
ActivationTokenSchema.index({ memberId: 1, createdAt: 1 });

/** The use of a token: inserted once, so two concurrent activations cannot both succeed. */
@Schema({ collection: 'activation_token_uses', versionKey: false })
export class ActivationTokenUse {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  usedAt: Date;
}

export const ActivationTokenUseSchema = SchemaFactory.createForClass(ActivationTokenUse);
