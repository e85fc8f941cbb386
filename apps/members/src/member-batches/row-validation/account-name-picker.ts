import { Injectable } from '@nestjs/common';
import type { AccountNameSource } from '../../account-names/account-name-candidates';
import type { NameClaims } from './name-claims';
import { RowCandidates } from './row-candidates';
import { TakenAccountNames } from './taken-account-names';

export const SUGGESTION_COUNT = 3;
const FIRST_LOOK = 8;
const MAX_LOOK = 400;

export interface NameRequest {
  rowId: string;
  source: AccountNameSource;
}

/**
 * Suggests account names for rows: the first is claimed for the row (a name two rows want goes
 * to the one that claims it first; the other takes its next candidate, in rounds), the others are
 * its next candidates that no other row of the call was given and that are not known taken. They
 * hold nothing: the admin's pick of one is claimed when made.
 */
@Injectable()
export class AccountNamePicker {
  constructor(private readonly taken: TakenAccountNames) {}

  async suggest(requests: NameRequest[], claims: NameClaims): Promise<string[][]> {
    const looks = requests.map(() => FIRST_LOOK);
    const candidates = requests.map((request) => this.candidatesFor(request, FIRST_LOOK));
    const tried = requests.map(() => 0);
    const own: (string | null)[] = requests.map(() => null);

    for (let waiting = [...requests.keys()]; waiting.length > 0; ) {
      const proposedNow = new Set<string>();
      const proposals: { index: number; name: string }[] = [];
      for (const index of waiting) {
        const name = this.nextFree(candidates, tried, index, proposedNow);
        if (name !== null) {
          proposedNow.add(name);
          proposals.push({ index, name });
        } else if (!candidates[index].has(tried[index]) && looks[index] < MAX_LOOK) {
          // Rare: every early candidate was taken; look further down the endless candidate list.
          looks[index] *= 4;
          candidates[index] = this.candidatesFor(requests[index], looks[index]);
        }
      }
      const refused = await claims.claim(proposals.map(({ index, name }) => ({ name, rowId: requests[index].rowId })));
      for (const { index, name } of proposals) {
        this.taken.add(name);
        if (!refused.has(name)) own[index] = name;
      }
      waiting = waiting.filter((index) => own[index] === null && (candidates[index].has(tried[index]) || looks[index] < MAX_LOOK));
    }

    const given = new Set(own.filter((name): name is string => name !== null));
    return requests.map((_, index) => {
      const names = own[index] ? [own[index]] : [];
      const list = candidates[index];
      for (let next = 0; names.length < SUGGESTION_COUNT && list.has(next); next += 1) {
        const name = list.at(next);
        if (given.has(name) || this.taken.has(name)) continue;
        given.add(name);
        names.push(name);
      }
      return names;
    });
  }

  /**
   * The row's next candidate not known taken and not proposed by another row this round (rows
   * with the same name each propose a different one, in one claim); null when none is left.
   * Candidates passed over for another row stay untried, for a later round.
   */
  private nextFree(candidates: RowCandidates[], tried: number[], index: number, proposedNow: Set<string>): string | null {
    const list = candidates[index];
    for (let next = tried[index]; list.has(next); next += 1) {
      const name = list.at(next);
      if (proposedNow.has(name)) continue;
      // Move it ahead of the candidates passed over, and count it tried.
      list.move(next, tried[index]);
      tried[index] += 1;
      if (!this.taken.has(name)) return name;
    }
    return null;
  }

  /** The preferred forms of the person's name, then numbered variants of the best one that differ per row. */
  private candidatesFor(request: NameRequest, look: number): RowCandidates {
    return new RowCandidates(request.source, request.rowId, look);
  }
}
