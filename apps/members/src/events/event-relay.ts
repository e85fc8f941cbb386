import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Exchanges } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { MembersEnvironment } from '../config/members.environment';
import { Leases } from '../persistence/leases';
import { OUTBOX_SOURCES, type OutboxEntry, type OutboxSource } from './outbox-source';

const LEASE_NAME = 'event-relay';
const LEASE_TTL_MS = 15_000;
const PAGE_SIZE = 500;
const IDLE_DELAY_MS = 200;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes the events waiting in outbox documents to `roster.events`, with publisher confirms,
 * and marks each sent only once the broker confirmed it. One relay runs at a time (a lease), so
 * a healthy broker never gets the same event twice; after a fault an unconfirmed event is sent
 * again, which subscribers absorb by deduplicating on the event id.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventRelay');
  private readonly holder = randomUUID();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @Inject(OUTBOX_SOURCES) private readonly sources: OutboxSource[],
    private readonly publisher: ConfirmedPublisher,
    private readonly leases: Leases,
    private readonly env: MembersEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'api') return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.leases.release(LEASE_NAME, this.holder).catch(() => undefined);
  }

  private async run(): Promise<void> {
    let backoff = 0;
    let leaseCheckedAt = 0;
    let holdsLease = false;
    while (this.running) {
      let published = 0;
      try {
        if (Date.now() - leaseCheckedAt > LEASE_TTL_MS / 3) {
          holdsLease = await this.leases.acquire(LEASE_NAME, this.holder, LEASE_TTL_MS);
          leaseCheckedAt = Date.now();
        }
        if (holdsLease && this.publisher.isReady) published = await this.relayOnce();
        backoff = 0;
      } catch (error) {
        backoff = Math.min(MAX_BACKOFF_MS, Math.max(IDLE_DELAY_MS, backoff * 2));
        this.logger.warn({ message: 'relay round failed; retrying', reason: (error as Error).message, retryInMs: backoff });
      }
      if (published < PAGE_SIZE) await this.sleep(backoff || IDLE_DELAY_MS);
    }
  }

  private async relayOnce(): Promise<number> {
    let total = 0;
    for (const source of this.sources) {
      const entries = await source.pending(PAGE_SIZE);
      if (entries.length === 0) continue;
      const outcomes = await Promise.allSettled(entries.map((entry) => this.publish(entry)));
      const confirmed = entries.filter((_, index) => outcomes[index].status === 'fulfilled');
      await source.markPublished(confirmed.map((entry) => entry.documentId));
      total += confirmed.length;
      const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return total;
  }

  private async publish(entry: OutboxEntry): Promise<void> {
    const { routed } = await this.publisher.publish(Exchanges.Events, entry.routingKey, entry.event, {
      messageId: entry.eventId,
      type: entry.type,
    });
    if (!routed) this.logger.debug({ message: 'event had no subscriber queue', eventId: entry.eventId, routingKey: entry.routingKey });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
