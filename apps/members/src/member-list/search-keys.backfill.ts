import { Injectable } from '@nestjs/common';
import { memberSearchKeys } from '../accounts/member-search';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { RunOnceMigration } from '../migrations/run-once-migration';

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
export class SearchKeysBackfill extends RunOnceMigration {
  protected readonly migration = SEARCH_KEYS_MIGRATION;
  protected readonly failure = 'adding search keys to earlier accounts failed';

  constructor(private readonly accounts: AccountsRepository) {
    super();
  }

  protected async migrate(): Promise<void> {
    const batchIds = await this.accounts.batchesWithAccounts();
    let added = 0;
    for (const batchId of [...batchIds, null]) added += await this.fillIn(batchId);
    if (added > 0) this.logger.log({ msg: 'search keys added to accounts created before 0.6', accounts: added });
  }

  /** Only once searches use the keys. */
  protected override async afterCompleted(): Promise<void> {
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
