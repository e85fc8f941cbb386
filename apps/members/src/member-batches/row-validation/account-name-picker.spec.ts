import { AccountNamePicker, type NameRequest, SUGGESTION_COUNT } from './account-name-picker';
import { InMemoryNameClaims, type NameClaim, type NameClaims } from './name-claims';
import { TakenAccountNames } from './taken-account-names';

const jeanDupont = (rowId: string): NameRequest => ({ rowId, source: { firstName: 'Jean', lastName: 'Dupont', email: `${rowId}@acme.example` } });

/** Claims that another process made first: these names are refused, as the reservation collection would. */
class ClaimsTakenElsewhere implements NameClaims {
  readonly asked: NameClaim[][] = [];
  private readonly inMemory = new InMemoryNameClaims();

  constructor(private readonly takenElsewhere: Set<string>) {}

  async claim(claims: NameClaim[]): Promise<Set<string>> {
    this.asked.push(claims);
    const refused = await this.inMemory.claim(claims.filter((claim) => !this.takenElsewhere.has(claim.name)));
    for (const claim of claims) if (this.takenElsewhere.has(claim.name)) refused.add(claim.name);
    return refused;
  }

  claimRequested(claims: NameClaim[]): Promise<Set<string>> {
    return this.claim(claims);
  }
}

describe('AccountNamePicker', () => {
  it('gives each row its own first name and suggestions no other row of the call was given', async () => {
    const picker = new AccountNamePicker(new TakenAccountNames());
    const suggestions = await picker.suggest(['r1', 'r2', 'r3'].map(jeanDupont), new InMemoryNameClaims());

    const firsts = suggestions.map((names) => names[0]);
    expect(new Set(firsts).size).toBe(3);
    const all = suggestions.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const names of suggestions) expect(names).toHaveLength(SUGGESTION_COUNT);
  });

  it('moves a row on to its next candidate when its first is taken elsewhere, and never suggests a taken name', async () => {
    const first = (await new AccountNamePicker(new TakenAccountNames()).suggest([jeanDupont('r1')], new InMemoryNameClaims()))[0][0];
    const claims = new ClaimsTakenElsewhere(new Set([first]));
    const [names] = await new AccountNamePicker(new TakenAccountNames()).suggest([jeanDupont('r1')], claims);

    expect(names[0]).not.toBe(first);
    expect(names).not.toContain(first);
    expect(claims.asked.length).toBe(2);
  });

  it('does not propose again a name this process saw taken, so the next claim does not collide', async () => {
    const taken = new TakenAccountNames();
    const picker = new AccountNamePicker(taken);
    const [[firstTime]] = await picker.suggest([jeanDupont('r1')], new InMemoryNameClaims());
    const claims = new ClaimsTakenElsewhere(new Set());
    const [[secondTime]] = await picker.suggest([jeanDupont('r2')], claims);

    expect(secondTime).not.toBe(firstTime);
    expect(claims.asked).toEqual([[{ name: secondTime, rowId: 'r2' }]]);
  });

  it('claims a name for each of many rows with the same name in one round', async () => {
    const claims = new ClaimsTakenElsewhere(new Set());
    const suggestions = await new AccountNamePicker(new TakenAccountNames()).suggest(Array.from({ length: 12 }, (_, index) => jeanDupont(`r${index}`)), claims);

    expect(claims.asked).toHaveLength(1);
    expect(claims.asked[0]).toHaveLength(12);
    expect(new Set(suggestions.map((names) => names[0])).size).toBe(12);
  });

  it('gives the best name to the first row that wants it', async () => {
    const [first, second] = await new AccountNamePicker(new TakenAccountNames()).suggest([jeanDupont('r1'), jeanDupont('r2')], new InMemoryNameClaims());

    expect(first[0]).toBe('jean.dupont');
    expect(second[0]).not.toBe('jean.dupont');
  });
});
