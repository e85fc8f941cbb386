export interface NameClaim {
  name: string;
  rowId: string;
}

/**
 * Which row of a batch holds which account name (as its choice or as a suggestion), so that no
 * two rows are offered the same name. Claiming again for the same row is harmless.
 */
export interface NameClaims {
  /** Claims the names; answers the ones another row already holds. */
  claim(claims: NameClaim[]): Promise<Set<string>>;
}

/** For a batch validated in one go, in one process. */
export class InMemoryNameClaims implements NameClaims {
  private readonly holders = new Map<string, string>();

  async claim(claims: NameClaim[]): Promise<Set<string>> {
    const refused = new Set<string>();
    for (const { name, rowId } of claims) {
      const holder = this.holders.get(name);
      if (holder === undefined) this.holders.set(name, rowId);
      else if (holder !== rowId) refused.add(name);
    }
    return refused;
  }
}
