import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { MembersEnvironment } from '../config/members.environment';
import { BatchRowsRepository } from '../member-batches/persistence/batch-rows.repository';
import { CompletedMigrationsRepository } from '../migrations/persistence/completed-migrations.repository';

const MIGRATION = 'accounts-keep-their-chunk';
const IDS_PER_UPDATE = 500;

/**
 * Accounts created before 0.3 do not say which chunk of their batch created them, and the members
 * list reads a chunk at a time: the chunk is taken from the account's batch row (same id). Runs
 * once, in the background, on the first start of a members service that answers the gateway.
 */
@Injectable()
export class AccountChunksBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountChunksBackfill.name);

  constructor(
    private readonly env: MembersEnvironment,
    private readonly migrations: CompletedMigrationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly rows: BatchRowsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'worker') return;
    this.run().catch((error: Error) => this.logger.error({ msg: 'filling in the chunk of earlier accounts failed; it runs again at the next start', error: error.message }));
  }

  async run(): Promise<void> {
    if (await this.migrations.isCompleted(MIGRATION)) return;
    const batchIds = await this.accounts.batchesWithoutChunk();
    if (batchIds.length > 0) this.logger.log({ msg: 'filling in the chunk of accounts created before 0.3', batches: batchIds.length });
    for (const batchId of batchIds) await this.fillIn(batchId);
    await this.migrations.markCompleted(MIGRATION);
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
