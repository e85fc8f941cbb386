import { Injectable } from '@nestjs/common';
import { accountNameCandidates, type AccountNameSource } from '../../account-names/account-name-candidates';
import { firstAccountNames, pickAccountNames } from '../../account-names/suggest-account-names';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';

export const SUGGESTION_COUNT = 3;
const FIRST_LOOK = 12;
const WIDER_LOOK = 60;

/**
 * Suggests account names that are free in the whole system and not already handed to another row
 * of the same batch (`claimed`). Candidates are checked against the database in bulk.
 */
@Injectable()
export class AccountNamePicker {
  constructor(private readonly accounts: AccountsRepository) {}

  /** For many rows at once: one database look-up for all their first candidates. */
  async suggestForMany(sources: AccountNameSource[], claimed: Set<string>): Promise<string[][]> {
    const firstCandidates = sources.map((source) => firstAccountNames(accountNameCandidates(source), FIRST_LOOK));
    const taken = await this.accounts.findTakenAccountNames(firstCandidates.flat());
    const suggestions: string[][] = [];
    for (const [index, source] of sources.entries()) {
      let picked = pickAccountNames(firstCandidates[index], (name) => !taken.has(name) && !claimed.has(name), SUGGESTION_COUNT);
      if (picked.length < SUGGESTION_COUNT) picked = await this.suggestWider(source, claimed, taken);
      for (const name of picked) claimed.add(name);
      suggestions.push(picked);
    }
    return suggestions;
  }

  /** For one row (a review edit): names used by other rows of its batch are passed as `claimed`. */
  async suggest(source: AccountNameSource, claimed: Set<string>): Promise<string[]> {
    return (await this.suggestForMany([source], claimed))[0];
  }

  /** Rare: the first candidates were taken; look further down the endless candidate list. */
  private async suggestWider(source: AccountNameSource, claimed: Set<string>, taken: Set<string>): Promise<string[]> {
    let picked: string[] = [];
    for (let size = WIDER_LOOK; picked.length < SUGGESTION_COUNT; size *= 2) {
      const window = firstAccountNames(accountNameCandidates(source), size);
      for (const name of await this.accounts.findTakenAccountNames(window)) taken.add(name);
      picked = pickAccountNames(window, (name) => !taken.has(name) && !claimed.has(name), SUGGESTION_COUNT, size);
    }
    return picked;
  }
}
