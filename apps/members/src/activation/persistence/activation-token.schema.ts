import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A member's activation links and revocations, numbered 0, 1, 2… per member by their `_id`
 * (`<memberId>:<seq>`), so two records can never share a number. A link is live only while no
 * record numbered after it exists (and it has not expired): a new link or a revocation ends the
 * earlier ones the moment it is inserted, whatever the clocks of the instances that wrote them.
 * Nothing here is ever updated, and the first link of each member, issued in bulk, is a plain
 * insert. Records written before 0.4 have the token's hash as `_id` and no `seq`; they are
 * ordered by `createdAt`, and any numbered record of the member comes after them.
 */
@Schema({ collection: 'activation_tokens', versionKey: false })
export class ActivationToken {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  memberId: string;

  @Prop({ required: true })
  organizationId: string;

  /** The record's number among its member's; absent on records written before 0.4. */
  @Prop({ type: Number })
  seq?: number;

  /** SHA-256 (hex) of the token: the token itself is never stored. Null for a revocation; absent before 0.4 (the `_id` was the hash). */
  @Prop({ type: String })
  tokenHash?: string | null;

  @Prop({ required: true })
  createdAt: Date;

  /** Expiry is checked on use; MongoDB TTL indexes are not portable to FerretDB. */
  @Prop({ required: true })
  expiresAt: Date;

  /** A revocation is no link: it only ends the links numbered before it. */
  @Prop({ required: true })
  revocation: boolean;
}

export const ActivationTokenSchema = SchemaFactory.createForClass(ActivationToken);
/** A link given out by 0.4 (its token names no record) by its hash, on MongoDB. */
ActivationTokenSchema.index({ tokenHash: 1 });
/** Orders the records written before 0.4. */
ActivationTokenSchema.index({ memberId: 1, createdAt: 1 });
