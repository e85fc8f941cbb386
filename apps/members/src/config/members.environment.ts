import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { PublicUrlEnvironment } from '@app/config';

const MEMBERS_ROLES = ['api', 'worker', 'all'] as const;
type MembersRole = (typeof MEMBERS_ROLES)[number];
const BROKER_USER = /^[^\s:@/]{1,255}$/;

export class MembersEnvironment extends PublicUrlEnvironment {
  /** `api` answers the gateway, `worker` runs imports and commits, `all` does both. */
  @IsIn(MEMBERS_ROLES, { message: 'MEMBERS_ROLE must be api, worker or all' })
  MEMBERS_ROLE: MembersRole = 'all';

  @Type(() => Number)
  @IsInt({ message: 'ACTIVATION_TTL_HOURS must be a whole number of hours' })
  @Min(1, { message: 'ACTIVATION_TTL_HOURS must be at least 1' })
  @Max(24 * 180, { message: 'ACTIVATION_TTL_HOURS must be at most 4320 (180 days)' })
  ACTIVATION_TTL_HOURS = 168;

  /** How long audit events are kept; older ones are deleted in the background. */
  @Type(() => Number)
  @IsInt({ message: 'AUDIT_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'AUDIT_RETENTION_DAYS must be at least 1' })
  @Max(36_500, { message: 'AUDIT_RETENTION_DAYS must be at most 36500 (100 years)' })
  AUDIT_RETENTION_DAYS = 400;

  /** Lifetime of the link that verifies a personal account's address. */
  @Type(() => Number)
  @IsInt({ message: 'EMAIL_VERIFICATION_TTL_HOURS must be a whole number of hours' })
  @Min(1, { message: 'EMAIL_VERIFICATION_TTL_HOURS must be at least 1' })
  @Max(24 * 30, { message: 'EMAIL_VERIFICATION_TTL_HOURS must be at most 720 (30 days)' })
  EMAIL_VERIFICATION_TTL_HOURS = 48;

  /** Lifetime of an invitation of a personal account: past it, it can no longer be accepted and the sweep marks it expired. */
  @Type(() => Number)
  @IsInt({ message: 'INVITATION_TTL_HOURS must be a whole number of hours' })
  @Min(1, { message: 'INVITATION_TTL_HOURS must be at least 1' })
  @Max(24 * 90, { message: 'INVITATION_TTL_HOURS must be at most 2160 (90 days)' })
  INVITATION_TTL_HOURS = 336;

  /**
   * Requests to the members service handled at once by one instance; the others wait on the
   * broker, acked only once answered, so a flood of requests never piles up in memory.
   */
  @Type(() => Number)
  @IsInt({ message: 'MEMBERS_RPC_PREFETCH must be a whole number of requests' })
  @Min(1, { message: 'MEMBERS_RPC_PREFETCH must be at least 1' })
  @Max(1_000, { message: 'MEMBERS_RPC_PREFETCH must be at most 1000' })
  MEMBERS_RPC_PREFETCH = 50;

  /**
   * The broker users of the gateway and of the notifications service: the members service answers
   * each only the requests `MEMBERS_RPC_CALLERS` gives it (RabbitMQ vouches for a request's
   * `user_id`), so another broker user, an event subscriber say, is answered nothing.
   */
  @Matches(BROKER_USER, { message: 'MEMBERS_RPC_GATEWAY_USER must be a RabbitMQ user name' })
  MEMBERS_RPC_GATEWAY_USER = 'roster-gateway';

  @Matches(BROKER_USER, { message: 'MEMBERS_RPC_NOTIFICATIONS_USER must be a RabbitMQ user name' })
  MEMBERS_RPC_NOTIFICATIONS_USER = 'roster-notifications';
}
