import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountStatus, Locale } from '@app/contracts';

/** A business account, member of one organization. */
@Schema({ collection: 'accounts', versionKey: false })
export class Account {
  /** The member id; equal to the id of the batch row that created it, so a re-run cannot create it twice. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  organizationId: string;

  @Prop({ required: true })
  email: string;

  /** Business emails are unique in the whole system. */
  @Prop({ required: true, unique: true })
  emailNormalized: string;

  @Prop({ required: true, unique: true })
  accountName: string;

  @Prop({ type: String, default: null })
  firstName: string | null;

  @Prop({ type: String, default: null })
  lastName: string | null;

  @Prop({ type: String, required: true })
  status: AccountStatus;

  @Prop({ type: String, default: null })
  passwordHash: string | null;

  @Prop({ required: true })
  mustChangePassword: boolean;

  @Prop({ type: String, required: true })
  locale: Locale;

  @Prop({ type: String, default: null })
  batchId: string | null;

  /** The chunk of its batch that created it: the members list reads one chunk at a time. */
  @Prop({ type: Number, default: null })
  chunk: number | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  activatedAt: Date | null;
}

export const AccountSchema = SchemaFactory.createForClass(Account);
// The members list, a chunk at a time; searching and filtering, in creation order.
AccountSchema.index({ batchId: 1, chunk: 1, _id: 1 });
AccountSchema.index({ organizationId: 1, createdAt: 1, _id: 1 });
