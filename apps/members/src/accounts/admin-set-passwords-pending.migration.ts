import { Injectable } from '@nestjs/common';
import { RunOnceMigration } from '../migrations/run-once-migration';
import { AccountsRepository } from './persistence/accounts.repository';

/**
 * Before 0.4, a member whose admin set the password was created `active` without `activatedAt`,
 * and could sign in with that password. Such accounts become `pending_activation` until the member
 * sets their own password. Runs once, in the background, on the first start of a members service
 * that answers the gateway.
 */
@Injectable()
export class AdminSetPasswordsPendingMigration extends RunOnceMigration {
  protected readonly migration = 'admin-set-passwords-pending';
  protected readonly failure = 'returning admin-set accounts to pending failed';

  constructor(private readonly accounts: AccountsRepository) {
    super();
  }

  protected async migrate(): Promise<void> {
    const pended = await this.accounts.markUnactivatedPending();
    if (pended > 0) this.logger.log({ msg: 'accounts with an admin-set password are pending until the member sets their own', accounts: pended });
  }
}
