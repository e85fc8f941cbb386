import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountType } from '@app/contracts';
import type { DeletedAccount } from '../deleted-account';

/** What is left of a deleted account; see DeletedAccount. */
@Schema({ collection: 'deleted_accounts', versionKey: false })
export class DeletedAccountDocument implements DeletedAccount {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, index: true })
  organizationId: string;

  @Prop({ type: String, required: true })
  type: AccountType;

  @Prop({ required: true })
  accountName: string;

  @Prop({ type: String, default: null })
  batchId: string | null;

  @Prop({ type: Number, default: null })
  chunk: number | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ required: true })
  deletedAt: Date;

  @Prop({ required: true })
  deletedBy: string;

  @Prop({ required: true })
  nameHeldUntil: Date;
}

export const DeletedAccountSchema = SchemaFactory.createForClass(DeletedAccountDocument);
