import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PublicUrlEnvironment } from '@app/config';

const MEMBERS_ROLES = ['api', 'worker', 'all'] as const;
type MembersRole = (typeof MEMBERS_ROLES)[number];

export class MembersEnvironment extends PublicUrlEnvironment {
  /** `api` answers the gateway, `worker` runs imports and commits, `all` does both. */
  @IsIn(MEMBERS_ROLES, { message: 'MEMBERS_ROLE must be api, worker or all' })
  MEMBERS_ROLE: MembersRole = 'all';

  @Type(() => Number)
  @IsInt({ message: 'ACTIVATION_TTL_HOURS must be a whole number of hours' })
  @Min(1, { message: 'ACTIVATION_TTL_HOURS must be at least 1' })
  @Max(24 * 180, { message: 'ACTIVATION_TTL_HOURS must be at most 4320 (180 days)' })
  ACTIVATION_TTL_HOURS = 168;

  /**
   * Requests to the members service handled at once by one instance; the others wait on the
   * broker, acked only once answered, so a flood of requests never piles up in memory.
   */
  @Type(() => Number)
  @IsInt({ message: 'MEMBERS_RPC_PREFETCH must be a whole number of requests' })
  @Min(1, { message: 'MEMBERS_RPC_PREFETCH must be at least 1' })
  @Max(1_000, { message: 'MEMBERS_RPC_PREFETCH must be at most 1000' })
  MEMBERS_RPC_PREFETCH = 50;
}
