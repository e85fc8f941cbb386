import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { BatchRowsRepository } from '../member-batches/persistence/batch-rows.repository';
import { RunOnceMigration } from '../migrations/run-once-migration';

const IDS_PER_UPDATE = 500;

/**
 * Accounts created before 0.3 do not say which chunk of their batch created them, and the members
 * list reads a chunk at a time: the chunk is taken from the account's batch row (same id). Runs
 * once, in the background, on the first start of a members service that answers the gateway.
 */
@Injectable()
export class AccountChunksBackfill extends RunOnceMigration {
  protected readonly migration = 'accounts-keep-their-chunk';
  protected readonly failure = 'filling in the chunk of earlier accounts failed';

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly rows: BatchRowsRepository,
  ) {
    super();
  }

  protected async migrate(): Promise<void> {
    const batchIds = await this.accounts.batchesWithoutChunk();
    if (batchIds.length > 0) this.logger.log({ msg: 'filling in the chunk of accounts created before 0.3', batches: batchIds.length });
    for (const batchId of batchIds) await this.fillIn(batchId);
  }

  private async fillIn(batchId: string): Promise<void> {
    const idsByChunk = new Map<number, string[]>();
    for await (const row of this.rows.streamChunks(batchId)) {
      const ids = idsByChunk.get(row.chunk) ?? [];
      ids.push(row._id);
      idsByChunk.set(row.chunk, ids);
      if (ids.length === IDS_PER_UPDATE) {
        await this.accounts.setChunk(ids, row.chunk);
        idsByChunk.delete(row.chunk);
      }
    }
    for (const [chunk, ids] of idsByChunk) await this.accounts.setChunk(ids, chunk);
  }
}
