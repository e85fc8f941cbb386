import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuditEventMessage } from '@app/contracts';
import type { SettledMembersRequest } from '@app/messaging';
import { RequestContext } from '@app/observability';
import { AuditPublisher } from './audit-publisher';
import { type AuditedAction, auditedAction } from './audited-requests';

/** Waits before each new try of an audit event the broker did not confirm: about 20 s of outage in all. */
const RETRY_DELAYS_MS = [1_000, 4_000, 15_000];

/**
 * Sends the gateway's audit events to the audit log (the members service) over `roster.audit`,
 * with publisher confirms. The request does not wait for it. An event the broker does not take is
 * tried again for about 20 s, kept in memory; after that, or as soon as the gateway stops, it is
 * written whole to the log at error level ("audit event lost") so that nothing is lost silently.
 */
@Injectable()
export class AuditTrail implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly sending = new Set<Promise<void>>();
  /** Wakes the events waiting for their next try when the gateway stops: one last try, then logged as lost. */
  private readonly waiting = new Set<() => void>();
  private stopping = false;

  constructor(private readonly publisher: AuditPublisher) {}

  /** Told of every request to the members service; records the ones `auditedAction` names. */
  observe(settled: SettledMembersRequest): void {
    try {
      const action = auditedAction(settled);
      if (action) this.record(action);
    } catch (error) {
      // The request itself succeeded or failed on its own; a fault here must not change its answer.
      this.logger.error({ message: 'audit event not made', pattern: settled.pattern, reason: (error as Error).message });
    }
  }

  record(action: AuditedAction): void {
    const { requestId, sourceAddress } = RequestContext.current();
    const message: AuditEventMessage = {
      ...action,
      id: action.id ?? randomUUID(),
      at: new Date().toISOString(),
      sourceAddress: sourceAddress ?? null,
      requestId: requestId ?? null,
    };
    const sent: Promise<void> = this.send(message).finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }

  /** Lets the events on their way reach the broker before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const wake of this.waiting) wake();
    await Promise.allSettled([...this.sending]);
  }

  private async send(message: AuditEventMessage): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { routed } = await this.publisher.publish(message);
        if (!routed) this.lost(message, 'no audit queue is bound to roster.audit (has the members service ever started?)');
        return;
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length || this.stopping) return this.lost(message, (error as Error).message);
        await this.pause(RETRY_DELAYS_MS[attempt]);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }

  /** The whole event but the login typed, which may be a password typed in the wrong field. */
  private lost(message: AuditEventMessage, reason: string): void {
    const { typedLogin, ...event } = message;
    this.logger.error({ message: 'audit event lost', reason, event: { ...event, typedLogin: typedLogin === undefined ? undefined : '(withheld)' } });
  }
}
