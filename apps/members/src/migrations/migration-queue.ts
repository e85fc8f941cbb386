import { Injectable } from '@nestjs/common';

/**
 * Runs a service's data migrations one after another, in the order they start. On FerretDB an
 * update rewrites the whole document, so two migrations updating the same accounts at once could
 * each undo the other's field (the chunk backfill's `chunk` was lost to the search keys' backfill
 * under load); on MongoDB it only spreads the load.
 */
@Injectable()
export class MigrationQueue {
  private last: Promise<unknown> = Promise.resolve();

  /** Starts `migration` once every migration queued before has settled; answers its outcome. */
  enqueue(migration: () => Promise<void>): Promise<void> {
    const next = this.last.then(migration, migration);
    this.last = next.catch(() => undefined);
    return next;
  }
}
