import { Injectable } from '@nestjs/common';
import { accountNameCandidates, type AccountNameSource } from '../../account-names/account-name-candidates';
import { spreadAccountNames } from '../../account-names/spread-account-names';
import { firstAccountNames } from '../../account-names/suggest-account-names';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import type { NameClaims } from './name-claims';

export const SUGGESTION_COUNT = 3;
const FIRST_LOOK = 8;
const MAX_LOOK = 400;

export interface NameRequest {
  rowId: string;
  source: AccountNameSource;
}

/**
 * Suggests, for each row, account names that are free in the whole system (one bulk look-up)
 * and held by no other row of the batch (claims). Rows compete in rounds: a name two rows
 * want goes to the one that claims it first; the other takes its next candidate.
 */
@Injectable()
export class AccountNamePicker {
  constructor(private readonly accounts: AccountsRepository) {}

  async suggest(requests: NameRequest[], claims: NameClaims): Promise<string[][]> {
    let look = FIRST_LOOK;
    let candidates = requests.map((request) => this.candidatesFor(request, look));
    const taken = await this.accounts.findTakenAccountNames(candidates.flat());
    const heldElsewhere = new Set<string>();
    const picks: string[][] = requests.map(() => []);
    const tried: number[] = requests.map(() => 0);

    for (;;) {
      const proposals = this.propose(requests, candidates, picks, tried, taken, heldElsewhere);
      if (proposals.length === 0) {
        const short = requests.map((_, index) => index).filter((index) => picks[index].length < SUGGESTION_COUNT);
        if (short.length === 0 || look >= MAX_LOOK) break;
        // Rare: every early candidate was taken; look further down the endless candidate lists.
        look *= 4;
        for (const index of short) candidates[index] = this.candidatesFor(requests[index], look);
        for (const name of await this.accounts.findTakenAccountNames(short.flatMap((index) => candidates[index]))) taken.add(name);
        continue;
      }
      const refused = await claims.claim(proposals.map(({ index, name }) => ({ name, rowId: requests[index].rowId })));
      for (const { index, name } of proposals) {
        if (refused.has(name)) heldElsewhere.add(name);
        else picks[index].push(name);
      }
    }
    return picks;
  }

  /** The preferred forms of the person's name, then numbered variants of the best one that differ per row. */
  private candidatesFor(request: NameRequest, look: number): string[] {
    const preferred = firstAccountNames(accountNameCandidates(request.source), look);
    return [...preferred, ...spreadAccountNames(preferred[0], request.rowId, look)];
  }

  /** The next free candidates each short row wants, no name proposed twice in one round. */
  private propose(
    requests: NameRequest[],
    candidates: string[][],
    picks: string[][],
    tried: number[],
    taken: Set<string>,
    heldElsewhere: Set<string>,
  ): { index: number; name: string }[] {
    const proposedNow = new Set<string>();
    const proposals: { index: number; name: string }[] = [];
    for (const index of requests.keys()) {
      let missing = SUGGESTION_COUNT - picks[index].length;
      while (missing > 0 && tried[index] < candidates[index].length) {
        const name = candidates[index][tried[index]];
        tried[index] += 1;
        if (taken.has(name) || heldElsewhere.has(name) || picks[index].includes(name)) continue;
        if (proposedNow.has(name)) {
          tried[index] -= 1;
          break;
        }
        proposedNow.add(name);
        proposals.push({ index, name });
        missing -= 1;
      }
    }
    return proposals;
  }
}
