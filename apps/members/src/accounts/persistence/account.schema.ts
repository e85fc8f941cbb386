import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountStatus, AccountType, Locale } from '@app/contracts';
import type { Account } from '../account';
import type { AccountStatusChange } from '../account-history';

/** An account as the accounts collection stores it; see Account. */
@Schema({ collection: 'accounts', versionKey: false })
export class AccountDocument implements Account {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String })
  type?: AccountType;

  @Prop({ type: Date, default: undefined })
  joinedAt?: Date | null;

  // Indexed by the compound indexes below, which begin with it.
  @Prop({ type: String, default: null })
  organizationId: string | null;

  @Prop({ required: true })
  email: string;

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

  @Prop({ type: Number, default: null })
  chunk: number | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  activatedAt: Date | null;

  @Prop({ type: Number })
  sessionVersion?: number;

  @Prop({ type: [Object], default: undefined })
  statusChanges?: AccountStatusChange[];

  /** The beginnings of the email, account name and names that a search looks the account up by (see member-search.ts); absent until backfilled. */
  @Prop({ type: [String], default: undefined })
  searchKeys?: string[];
}

export const AccountSchema = SchemaFactory.createForClass(AccountDocument);
// The members list: a chunk at a time (with a status filter too); the personal members that
// joined, and a status filter's business members (`type` $ne `personal`) or the others; a search
// by key. Each index slows the commit's inserts on FerretDB, where none serves a read.
AccountSchema.index({ batchId: 1, chunk: 1, _id: 1 });
AccountSchema.index({ organizationId: 1, type: 1, status: 1 });
AccountSchema.index({ organizationId: 1, searchKeys: 1 });
