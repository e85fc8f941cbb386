import { Injectable } from '@nestjs/common';
import { accountNameCandidates, type AccountNameSource } from '../account-names/account-name-candidates';
import { firstAccountNames } from '../account-names/suggest-account-names';
import { ReservationsRepository } from '../accounts/persistence/reservations.repository';

const SUGGESTION_COUNT = 3;
/** Candidates looked up per sign-up refused a name: one read each on FerretDB. */
const CANDIDATES_LOOKED_UP = 8;

/**
 * Names to offer someone whose requested account name was refused: the candidates of their name
 * and address that no member or row holds right now. They hold nothing until the sign-up is sent
 * again with one of them.
 */
@Injectable()
export class AccountNameSuggestions {
  constructor(private readonly reservations: ReservationsRepository) {}

  async freeFor(source: AccountNameSource, refused: string): Promise<string[]> {
    const candidates = firstAccountNames(accountNameCandidates(source), CANDIDATES_LOOKED_UP + 1).filter((name) => name !== refused).slice(0, CANDIDATES_LOOKED_UP);
    const held = new Set((await this.reservations.nameHolders(candidates)).map((holder) => holder._id));
    return candidates.filter((name) => !held.has(name)).slice(0, SUGGESTION_COUNT);
  }
}
