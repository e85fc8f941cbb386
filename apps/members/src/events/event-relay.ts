import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Exchanges } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { MembersEnvironment } from '../config/members.environment';
import { LeasesRepository } from '../persistence/leases.repository';
import { OUTBOX_SOURCES, type OutboxDocument, type OutboxEntry, type OutboxSource } from './outbox-source';

const LEASE_NAME = 'event-relay';
const LEASE_TTL_MS = 15_000;
/** Outbox documents per round; one may hold a chunk's 500 events. */
const DOCUMENTS_PER_ROUND = 5;
const IDLE_DELAY_MS = 200;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes the events waiting in outbox documents to `roster.events`, with publisher confirms,
 * and marks a document sent only once the broker confirmed every event in it. One relay runs at a
 * time (a lease), and it remembers which events of a half-sent document were confirmed, so a broker
 * outage does not make it send any event twice; only a relay that dies mid-document sends that
 * document's confirmed events again, which subscribers absorb by deduplicating on the event id.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventRelay');
  private readonly holder = randomUUID();
  /** Events confirmed so far, per document not yet marked sent. */
  private readonly confirmed = new Map<string, Set<string>>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @Inject(OUTBOX_SOURCES) private readonly sources: OutboxSource[],
    private readonly publisher: ConfirmedPublisher,
    private readonly leases: LeasesRepository,
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
      if (published === 0) await this.sleep(backoff || IDLE_DELAY_MS);
    }
  }

  private async relayOnce(): Promise<number> {
    let total = 0;
    for (const source of this.sources) total += await this.relaySource(source);
    return total;
  }

  /** Documents are marked sent together, once each has had every event confirmed: one write a round. */
  private async relaySource(source: OutboxSource): Promise<number> {
    const sent: string[] = [];
    let total = 0;
    try {
      for (const document of await source.pending(DOCUMENTS_PER_ROUND)) {
        total += await this.relayDocument(document);
        sent.push(document.documentId);
      }
    } finally {
      if (sent.length > 0) {
        await source.markPublished(sent);
        for (const documentId of sent) this.confirmed.delete(documentId);
      }
    }
    return total;
  }

  private async relayDocument(document: OutboxDocument): Promise<number> {
    const confirmed = this.confirmed.get(document.documentId) ?? new Set<string>();
    this.confirmed.set(document.documentId, confirmed);
    const unsent = document.entries.filter((entry) => !confirmed.has(entry.eventId));
    const outcomes = await Promise.allSettled(unsent.map((entry) => this.publish(entry).then(() => confirmed.add(entry.eventId))));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return unsent.length;
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
