import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MembersEnvironment } from '../config/members.environment';
import { retentionCutoff } from './audit-filter';
import { AuditEventsRepository } from './persistence/audit-events.repository';

/** How often each instance deletes expired audit events, and how many at most each time. */
const SWEEP_EVERY_MS = 5 * 60 * 1000;
const MAX_DELETED_PER_SWEEP = 5_000;

/**
 * Deletes audit events older than `AUDIT_RETENTION_DAYS`, a bounded number every few minutes.
 * Only because of FerretDB, which refuses TTL indexes: a periodic delete instead of `expireAfterSeconds`.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly env: MembersEnvironment,
    private readonly events: AuditEventsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One bounded sweep; answers how many events went. */
  async sweep(now = new Date()): Promise<number> {
    if (this.running) return 0;
    let deleted = 0;
    this.running = (async () => {
      try {
        deleted = await this.events.deleteBefore(retentionCutoff(now, this.env.AUDIT_RETENTION_DAYS), MAX_DELETED_PER_SWEEP);
        if (deleted > 0) this.logger.log({ message: 'expired audit events deleted', deleted, retentionDays: this.env.AUDIT_RETENTION_DAYS });
      } catch (error) {
        this.logger.warn({ message: 'expired audit events not deleted; next sweep tries again', reason: (error as Error).message });
      }
    })();
    await this.running;
    this.running = undefined;
    return deleted;
  }
}
