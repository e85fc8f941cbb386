import { Injectable } from '@nestjs/common';
import type { AccountStatus } from '@app/contracts';
import type { Account } from '../accounts/account';
import { AccountsRepository, type ListPlace } from '../accounts/persistence/accounts.repository';

/** What a status filter reads: its business members, or, when the others are fewer, where those others sit. */
export type StatusSide = { matching: Account[] } | { others: ListPlace[] };

/** Organizations and statuses whose fewer side is remembered; past that, the hints start again. */
const MAX_HINTS = 10_000;

/**
 * A status filter reads the fewer of its members and the others (on FerretDB each account read
 * costs, and no count comes without reading): most members' status moves from pending to active
 * over weeks, so either side may be the small one. The side read first stops past half the
 * organization's business members, and the other side is read then. Which side was the fewer
 * for the same organization and status is remembered in this process, so the next page reads it
 * first; the hint is never trusted for an answer.
 */
@Injectable()
export class StatusSides {
  private readonly fewer = new Map<string, 'matching' | 'others'>();

  constructor(private readonly accounts: AccountsRepository) {}

  async read(organizationId: string, status: AccountStatus, businessMembers: number): Promise<StatusSide> {
    const key = `${organizationId}:${status}`;
    const matching = async (most: number | null) => {
      const members = await this.accounts.businessWithStatus(organizationId, status, most);
      return members && { matching: members };
    };
    const others = async (most: number | null) => {
      const places = await this.accounts.placesOtherThan(organizationId, status, most);
      return places && { others: places };
    };
    const [first, second] = this.fewer.get(key) === 'others' ? [others, matching] : [matching, others];
    const side: StatusSide = (await first(Math.floor(businessMembers / 2))) ?? (await second(null))!;
    if (this.fewer.size >= MAX_HINTS) this.fewer.clear();
    this.fewer.set(key, 'matching' in side ? 'matching' : 'others');
    return side;
  }
}
