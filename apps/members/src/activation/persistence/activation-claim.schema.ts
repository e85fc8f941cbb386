import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActivationClaim } from '../activation-claim';

/**
 * An ActivationClaim as `activation_claims` stores it, one per member, never deleted. Exists only
 * because of FerretDB: on MongoDB one conditional update of the account (`activatedAt: null`)
 * would claim and write at once, but FerretDB reads and writes back an update without a lock, so
 * two such updates could both succeed; a unique insert cannot.
 */
@Schema({ collection: 'activation_claims', versionKey: false })
export class ActivationClaimDocument implements ActivationClaim {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, default: null })
  tokenHash: string | null;

  @Prop({ type: String, default: null })
  passwordHash: string | null;

  @Prop({ type: String, default: null })
  firstName: string | null;

  @Prop({ type: String, default: null })
  lastName: string | null;

  @Prop({ required: true })
  claimedAt: Date;

  @Prop({ required: true })
  sessionVersion: number;
}

export const ActivationClaimSchema = SchemaFactory.createForClass(ActivationClaimDocument);
