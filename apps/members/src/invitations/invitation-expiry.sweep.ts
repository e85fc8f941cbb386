import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MembersEnvironment } from '../config/members.environment';
import { invitationExpired } from '../member-lifecycle/member-events/member-events';
import { MemberEventsPublisher } from '../member-lifecycle/member-events/member-events.publisher';
import { LeasesRepository } from '../persistence/leases.repository';
import { InvitationsRepository } from './persistence/invitations.repository';

/** How often the sweep runs, how many invitations it expires at most each time, and its lease. */
const SWEEP_EVERY_MS = 60_000;
const MAX_EXPIRED_PER_SWEEP = 500;
const LEASE_NAME = 'invitation-expiry';
const LEASE_TTL_MS = 3 * SWEEP_EVERY_MS;

/**
 * Marks pending invitations past their expiry `expired` and publishes `InvitationExpired`, in the
 * members API process, one instance at a time (a lease). It reads only pending invitations
 * (`{status: 'pending'}`), never all members. Each is a conditional update on `pending`, so an
 * invitation answered meanwhile stays answered; accepting or declining past the expiry answers
 * 410 before the sweep comes.
 */
@Injectable()
export class InvitationExpirySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InvitationExpiry');
  private readonly holder = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly env: MembersEnvironment,
    private readonly invitations: InvitationsRepository,
    private readonly events: MemberEventsPublisher,
    private readonly leases: LeasesRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MEMBERS_ROLE === 'worker') return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.leases.release(LEASE_NAME, this.holder).catch(() => undefined);
  }

  /** One bounded sweep as of `now`; answers how many invitations it expired (0 while another instance holds the lease). */
  async sweep(now = new Date()): Promise<number> {
    if (this.running) return this.running.then(() => 0);
    this.running = this.expire(now);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async expire(now: Date): Promise<number> {
    let expired = 0;
    try {
      if (!(await this.leases.acquire(LEASE_NAME, this.holder, LEASE_TTL_MS))) return 0;
      for (const invitation of await this.invitations.pastExpiry(now, MAX_EXPIRED_PER_SWEEP)) {
        const event = invitationExpired({ invitationId: invitation._id, memberId: invitation.accountId, organizationId: invitation.organizationId, accountName: invitation.accountName, at: now });
        await this.events.prepare(invitation.accountId, event, invitation._id);
        if (await this.invitations.end(invitation._id, { status: 'expired', at: now, by: null, eventId: event.id })) {
          await this.events.publish(event);
          expired += 1;
        } else {
          await this.events.abandon(event);
        }
      }
      if (expired > 0) this.logger.log({ message: 'invitations expired', expired });
    } catch (error) {
      this.logger.warn({ message: 'invitations not expired; the next sweep tries again', reason: (error as Error).message });
    }
    return expired;
  }
}
