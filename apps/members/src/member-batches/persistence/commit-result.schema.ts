import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { RowProblem } from '@app/contracts';
import type { BatchRow } from '../batch-row';

export interface RowOutcome {
  rowId: string;
  line: number;
  status: 'created' | 'failed';
  accountName: string | null;
  notices: RowProblem[];
  problems: RowProblem[];
}

/**
 * The rows of one committed chunk that did not simply become an account under their reviewed
 * name: those that failed, or were created under another name or with a notice. Written once,
 * and only when there is one such row. Every other valid row of a committed chunk was created as
 * reviewed. Rows are never updated (updating many documents costs seconds on FerretDB), and
 * writing an outcome per row would cost as much as writing the accounts.
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
  notableOutcomes: RowOutcome[];

  @Prop({ required: true })
  completedAt: Date;
}

export const CommitResultSchema = SchemaFactory.createForClass(CommitResult);

/** `<batchId>:<chunk>`: the id of a chunk's document in each collection that holds one per chunk. */
export function chunkDocumentId(batchId: string, chunk: number): string {
  return `${batchId}:${chunk}`;
}

export function createdOutcome(row: Pick<BatchRow, '_id' | 'line'>, accountName: string | null, notices: RowProblem[] = []): RowOutcome {
  return { rowId: row._id, line: row.line, status: 'created', accountName, notices, problems: [] };
}

/** The outcome of a valid row of a committed chunk: the notable one if there is one, else created as reviewed. */
export function outcomeOf(row: BatchRow, notable: ReadonlyMap<string, RowOutcome>): RowOutcome {
  return notable.get(row._id) ?? createdOutcome(row, row.accountName);
}
