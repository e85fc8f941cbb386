import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { memberSearchKeys } from '../accounts/member-search';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { MembersEnvironment } from '../config/members.environment';
import { CompletedMigrationsRepository } from '../migrations/persistence/completed-migrations.repository';

/** Completed once every account has its search keys; until then a search reads all of an organization's members. */
export const SEARCH_KEYS_MIGRATION = 'accounts-keep-search-keys';

/**
 * Accounts created before 0.6 have no search keys (see member-search.ts): each batch's accounts,
 * then the personal accounts, are read and given the keys they lack; then the indexes the list
 * used before are dropped. Keys are added, never set, so
 * an activation that adds its names' keys meanwhile loses nothing. Runs once, in the background,
 * on the first start of a members service that answers the gateway.
 */
@Injectable()
export class SearchKeysBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchKeysBackfill.name);

  constructor(
    private readonly env: MembersEnvironment,
    private readonly migrations: CompletedMigrationsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'worker') return;
    this.run().catch((error: Error) => this.logger.error({ msg: 'adding search keys to earlier accounts failed; it runs again at the next start', error: error.message }));
  }

  async run(): Promise<void> {
    if (await this.migrations.isCompleted(SEARCH_KEYS_MIGRATION)) return;
    const batchIds = await this.accounts.batchesWithAccounts();
    let added = 0;
    for (const batchId of [...batchIds, null]) added += await this.fillIn(batchId);
    if (added > 0) this.logger.log({ msg: 'search keys added to accounts created before 0.6', accounts: added });
    await this.migrations.markCompleted(SEARCH_KEYS_MIGRATION);
    // Searching and the status filter no longer use these; a failure here leaves them, harmless but for insert speed.
    const dropped = await this.accounts.dropListIndexesBefore06().catch((error: Error) => this.logger.warn({ msg: 'could not drop the members list indexes of before 0.6', error: error.message }));
    if (dropped && dropped.length > 0) this.logger.log({ msg: 'dropped the members list indexes of before 0.6', indexes: dropped });
  }

  /** Answers how many accounts lacked keys. */
  private async fillIn(batchId: string | null): Promise<number> {
    const lacking = new Map<string, string[]>();
    for (const account of await this.accounts.searchedFieldsOf(batchId)) {
      const held = new Set(account.searchKeys ?? []);
      const missing = memberSearchKeys(account).filter((key) => !held.has(key));
      if (missing.length > 0) lacking.set(account._id, missing);
    }
    await this.accounts.addSearchKeys(lacking);
    return lacking.size;
  }
}
