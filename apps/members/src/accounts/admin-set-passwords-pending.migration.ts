import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MembersEnvironment } from '../config/members.environment';
import { CompletedMigrationsRepository } from '../migrations/persistence/completed-migrations.repository';
import { AccountsRepository } from './persistence/accounts.repository';

const MIGRATION = 'admin-set-passwords-pending';

/**
 * Before 0.4, a member whose admin set the password was created `active` without `activatedAt`,
 * and could sign in with that password. Such accounts become `pending_activation` until the member
 * sets their own password. Runs once, in the background, on the first start of a members service
 * that answers the gateway.
 */
@Injectable()
export class AdminSetPasswordsPendingMigration implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSetPasswordsPendingMigration.name);

  constructor(
    private readonly env: MembersEnvironment,
    private readonly migrations: CompletedMigrationsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'worker') return;
    this.run().catch((error: Error) => this.logger.error({ msg: 'returning admin-set accounts to pending failed; it runs again at the next start', error: error.message }));
  }

  async run(): Promise<void> {
    if (await this.migrations.isCompleted(MIGRATION)) return;
    const pended = await this.accounts.markUnactivatedPending();
    if (pended > 0) this.logger.log({ msg: 'accounts with an admin-set password are pending until the member sets their own', accounts: pended });
    await this.migrations.markCompleted(MIGRATION);
  }
}
