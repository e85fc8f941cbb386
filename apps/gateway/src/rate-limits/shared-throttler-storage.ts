import { Injectable, Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitHitsRepository } from './persistence/rate-limit-hits.repository';

/** How often each gateway deletes hits of windows that have ended. */
const PURGE_EVERY_MS = 60_000;
/** How long a request waits for the shared count before this gateway counts it alone. */
const SHARED_COUNT_WAIT_MS = 1_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage, in the database every gateway shares, so that a per-address limit
 * holds however many gateway instances run. Windows are fixed (`ttl` long, from the epoch): a
 * request over the limit answers 429 until its window ends. Counting inserted hits rather than
 * incrementing a counter because FerretDB reads and writes back an `$inc` without a lock.
 * While the database does not answer, each gateway counts in its own memory, so limits still
 * hold (per instance) and `/health` can still say that the database is down.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();
  private nextPurge = 0;

  constructor(private readonly hits: RateLimitHitsRepository) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const window = Math.floor(now / ttl);
    const windowEnds = (window + 1) * ttl;
    let totalHits: number;
    try {
      this.purge(now);
      totalHits = await this.sharedCount(`${throttlerName}:${key}:${ttl}:${window}`, new Date(windowEnds));
    } catch (error) {
      this.logger.warn({ msg: 'rate limits counted by this gateway alone: the database did not answer', error: (error as Error).message });
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const timeToExpire = Math.ceil((windowEnds - now) / 1000);
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private sharedCount(bucket: string, expiresAt: Date): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${SHARED_COUNT_WAIT_MS} ms`)), SHARED_COUNT_WAIT_MS);
    });
    return Promise.race([this.hits.hitAndCount(bucket, expiresAt), late]).finally(() => clearTimeout(timer));
  }

  private purge(now: number): void {
    if (now < this.nextPurge) return;
    this.nextPurge = now + PURGE_EVERY_MS;
    this.hits.deleteExpired(new Date(now)).catch((error: Error) => this.logger.warn({ msg: 'ended rate-limit windows not deleted; tried again in a minute', error: error.message }));
  }
}
