export interface NameClaim {
  name: string;
  rowId: string;
}

/**
 * Which row holds which account name, so that no two rows are offered the same name. Claiming
 * again for the same row is harmless.
 */
export interface NameClaims {
  /** Claims the names; answers the ones another row already holds. */
  claim(claims: NameClaim[]): Promise<Set<string>>;
  /** The same for names people asked for (their directory's user name), which rows that may never become members give up to them. */
  claimRequested(claims: NameClaim[]): Promise<Set<string>>;
}

/** Names held only for the time of one answer, in this process: suggestions that reserve nothing. */
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

  claimRequested(claims: NameClaim[]): Promise<Set<string>> {
    return this.claim(claims);
  }
}
