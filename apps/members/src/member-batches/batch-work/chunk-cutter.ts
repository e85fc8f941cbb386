import { type BatchRow, rowToValidate } from '../batch-row';
import { BATCH_CHUNK_SIZE } from './batch-work.queue';

/**
 * What a chunk's rows may weigh as JSON. A `validate` job carries them, and its `commit` job a
 * subset of their fields, so both stay far below the broker's 16 MiB limit (MAX_BROKER_MESSAGE_BYTES)
 * even with one more row of the largest size a file allows (MAX_ROW_CHARACTERS, 64 Ki characters).
 */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Cuts a file's rows into chunks of BATCH_CHUNK_SIZE rows, or fewer when they would weigh more than
 * `budgetBytes`: rows of a few hundred bytes always make full chunks; rows with long cells make
 * smaller ones. Numbers the chunks from 0 in the order cut (each row's `chunk`).
 */
export class ChunkCutter {
  private rows: BatchRow[] = [];
  private bytes = 0;
  /** Chunks cut so far, the one being filled not counted. */
  private cut = 0;

  constructor(
    private readonly budgetBytes = CHUNK_BUDGET_BYTES,
    private readonly maxRows = BATCH_CHUNK_SIZE,
  ) {}

  /** Adds a row; answers the chunk it completes, or the chunk before it when it would make that one too heavy. */
  add(row: BatchRow): BatchRow[] | undefined {
    const size = Buffer.byteLength(JSON.stringify(rowToValidate(row)));
    let full: BatchRow[] | undefined;
    if (this.rows.length > 0 && this.bytes + size > this.budgetBytes) full = this.close();
    row.chunk = this.cut;
    this.rows.push(row);
    this.bytes += size;
    if (!full && this.rows.length === this.maxRows) full = this.close();
    return full;
  }

  /** The last chunk, if any row waits. */
  rest(): BatchRow[] | undefined {
    return this.rows.length > 0 ? this.close() : undefined;
  }

  /** Rows added but not yet in a chunk answered. */
  get pending(): number {
    return this.rows.length;
  }

  /** Chunks cut, the rest included once asked for. */
  get count(): number {
    return this.cut;
  }

  private close(): BatchRow[] {
    const chunk = this.rows;
    this.rows = [];
    this.bytes = 0;
    this.cut += 1;
    return chunk;
  }
}
