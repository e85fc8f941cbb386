import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountCreatedEvent, RowProblem } from '@app/contracts';

export interface RowOutcome {
  rowId: string;
  line: number;
  status: 'created' | 'failed';
  accountName: string | null;
  notices: RowProblem[];
  problems: RowProblem[];
}

/**
 * What committing one chunk of a batch did, written once as one document: each row's outcome and
 * the AccountCreated events of the accounts it created. One insert stands in for a transaction
 * (FerretDB has none, and updating many rows there costs seconds): the outcomes, the outbox
 * entry and the "chunk done" mark appear together or not at all.
 */
@Schema({ collection: 'batch_commit_results', versionKey: false })
export class CommitResult {
  /** `<batchId>:<chunk>`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  batchId: string;

  @Prop({ required: true })
  chunk: number;

  @Prop({ required: true })
  created: number;

  @Prop({ required: true })
  failed: number;

  @Prop({ type: [Object], required: true })
  outcomes: RowOutcome[];

  /** Waiting for the relay; emptied once the broker confirmed every one of them. */
  @Prop({ type: [Object], required: true })
  events: AccountCreatedEvent[];

  @Prop({ required: true, index: true })
  eventsPending: boolean;

  @Prop({ required: true })
  completedAt: Date;
}

export const CommitResultSchema = SchemaFactory.createForClass(CommitResult);

export function commitResultId(batchId: string, chunk: number): string {
  return `${batchId}:${chunk}`;
}
