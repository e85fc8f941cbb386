import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MembersEnvironment } from '../config/members.environment';
import { MigrationQueue } from './migration-queue';
import { CompletedMigrationsRepository } from './persistence/completed-migrations.repository';

/**
 * A data migration that runs once, in the background, on the first start of a members service
 * that answers the gateway (workers leave it to that one), and again at the next start if it
 * failed: `completed_migrations` remembers it once `migrate` has finished. A service's migrations
 * run one at a time (MigrationQueue). Its module imports MigrationsModule.
 */
export abstract class RunOnceMigration implements OnApplicationBootstrap {
  // Injected by property, so that each migration's constructor lists only what it migrates.
  @Inject(MembersEnvironment) private readonly env!: MembersEnvironment;
  @Inject(CompletedMigrationsRepository) private readonly migrations!: CompletedMigrationsRepository;
  @Inject(MigrationQueue) private readonly queue!: MigrationQueue;
  protected readonly logger = new Logger(this.constructor.name);

  /** Its record in `completed_migrations`. */
  protected abstract readonly migration: string;
  /** What the log says failed, as in "adding search keys to earlier accounts failed". */
  protected abstract readonly failure: string;

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'worker') return;
    this.queue.enqueue(() => this.run()).catch((error: Error) => this.logger.error({ msg: `${this.failure}; it runs again at the next start`, error: error.message }));
  }

  async run(): Promise<void> {
    if (await this.migrations.isCompleted(this.migration)) return;
    await this.migrate();
    await this.migrations.markCompleted(this.migration);
    await this.afterCompleted();
  }

  protected abstract migrate(): Promise<void>;

  /** What may only happen once the migration counts as done (nothing, unless a migration says). */
  protected async afterCompleted(): Promise<void> {}
}
