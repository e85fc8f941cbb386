import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { RowProblem, RowStatus } from '@app/contracts';
import type { AccountNameSource } from '../../account-names/account-name-candidates';

@Schema({ collection: 'batch_rows', versionKey: false })
export class BatchRow {
  /** Also the id of the account this row creates, which makes creation idempotent. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ required: true })
  organizationId: string;

  /** The line (or position, for typed emails) the admin can find the row at. */
  @Prop({ required: true })
  line: number;

  @Prop({ required: true })
  chunk: number;

  @Prop({ required: true })
  email: string;

  @Prop({ required: true })
  emailNormalized: string;

  @Prop({ type: String, default: null })
  userName: string | null;

  @Prop({ type: String, default: null })
  firstName: string | null;

  @Prop({ type: String, default: null })
  lastName: string | null;

  @Prop({ type: String, default: null })
  accountName: string | null;

  /** True when the admin (or the directory's user name) chose the account name: never replaced silently. */
  @Prop({ required: true })
  accountNameChosen: boolean;

  @Prop({ type: [String], required: true })
  suggestions: string[];

  @Prop({ type: String, default: null })
  passwordHash: string | null;

  @Prop({ type: String, required: true })
  status: RowStatus;

  /** The row's errors (`errors` is a reserved name in mongoose). */
  @Prop({ type: [Object], required: true })
  problems: RowProblem[];

  @Prop({ type: [Object], required: true })
  notices: RowProblem[];

  @Prop({ type: String, default: null })
  memberId: string | null;

  /** The row's original values (the file's columns, or what was typed), for errors.csv. */
  @Prop({ type: [String], required: true })
  cells: string[];
}

export const BatchRowSchema = SchemaFactory.createForClass(BatchRow);
BatchRowSchema.index({ batchId: 1, line: 1 });
BatchRowSchema.index({ batchId: 1, status: 1, line: 1 });
BatchRowSchema.index({ batchId: 1, chunk: 1 });
BatchRowSchema.index({ batchId: 1, accountName: 1 });

/** What committing needs of a valid row. */
export type RowToCommit = Pick<
  BatchRow,
  '_id' | 'line' | 'emailNormalized' | 'userName' | 'firstName' | 'lastName' | 'accountName' | 'suggestions' | 'passwordHash'
>;

export function rowToCommit(row: BatchRow): RowToCommit {
  const { _id, line, emailNormalized, userName, firstName, lastName, accountName, suggestions, passwordHash } = row;
  return { _id, line, emailNormalized, userName, firstName, lastName, accountName, suggestions, passwordHash };
}

/** What a row's account names are derived from. */
export function nameSourceOf(row: Pick<BatchRow, 'userName' | 'firstName' | 'lastName' | 'emailNormalized'>): AccountNameSource {
  return {
    userName: row.userName ?? undefined,
    firstName: row.firstName ?? undefined,
    lastName: row.lastName ?? undefined,
    email: row.emailNormalized,
  };
}
