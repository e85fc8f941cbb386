import { ErrorCode } from '@app/contracts';
import type { BatchRow } from '../batch-row';
import { AccountNamePicker } from './account-name-picker';
import { BatchRowsValidator } from './batch-rows.validator';
import type { EmailHolds } from './email-holds';
import { InMemoryNameClaims, type NameClaim, type NameClaims } from './name-claims';
import type { NameHolds } from './name-holds';
import type { RowInput } from './row-input';
import { TakenAccountNames } from './taken-account-names';

/** Names some member or other batch's row holds already: refused, as account_name_reservations would. */
class ClaimsTakenElsewhere implements NameClaims {
  private readonly inMemory = new InMemoryNameClaims();

  constructor(private readonly takenElsewhere: Set<string>) {}

  async claim(claims: NameClaim[]): Promise<Set<string>> {
    const refused = await this.inMemory.claim(claims.filter((claim) => !this.takenElsewhere.has(claim.name)));
    for (const claim of claims) if (this.takenElsewhere.has(claim.name)) refused.add(claim.name);
    return refused;
  }

  claimRequested(claims: NameClaim[]): Promise<Set<string>> {
    return this.claim(claims);
  }
}

const scope = { organizationId: 'organization', batchId: 'batch', chunkSize: 500, newRowId: () => '' };

/** A file's rows, read and checked as a parse job then a validate job do (addresses assumed free). */
async function checked(inputs: Omit<RowInput, 'line'>[], claims: NameClaims = new InMemoryNameClaims()): Promise<BatchRow[]> {
  const validator = new BatchRowsValidator({} as EmailHolds, new AccountNamePicker(new TakenAccountNames()), {} as NameHolds);
  const rows = inputs.map((input, index) => validator.newRow({ ...scope, newRowId: () => `row-${index}` }, { ...input, line: index + 2 }, index, [input.email]));
  await validator.settleRequestedNames(rows, claims);
  await validator.checkRows(rows, claims);
  return rows;
}

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('BatchRowsValidator: the account name a file\'s user name asks for', () => {
  it('picks the closest valid name for a user name that cannot be used as it is, says so, and keeps the row valid', async () => {
    const [row] = await checked([{ email: 'zoe@acme.example', userName: ' zoë;lefèvre ' }]);

    expect(row).toMatchObject({ status: 'valid', problems: [], accountName: 'zoe_lefevre', accountNameChosen: true });
    expect(row.notices).toEqual([
      { code: ErrorCode.AccountNameAdjusted, message: '"zoë;lefèvre" cannot be used as an account name; "zoe_lefevre" was picked instead.' },
    ]);
    expect(row.suggestions[0]).toBe('zoe_lefevre');
    expect(row.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it('uses a valid user name as it is, without a notice', async () => {
    const [row] = await checked([{ email: 'zoe@acme.example', userName: 'Zoë_Lefèvre' }]);
    expect(row).toMatchObject({ status: 'valid', accountName: 'zoe_lefevre', notices: [] });
  });

  it('treats an adjusted name taken elsewhere like any requested name: taken, with free suggestions', async () => {
    const [row] = await checked([{ email: 'zoe@acme.example', userName: 'zoë;lefèvre' }], new ClaimsTakenElsewhere(new Set(['zoe_lefevre'])));

    expect(row.status).toBe('invalid');
    expect(codes(row.problems)).toEqual([ErrorCode.AccountNameTaken]);
    expect(codes(row.notices)).toEqual([ErrorCode.AccountNameAdjusted]);
    expect(row.suggestions).not.toContain('zoe_lefevre');
    expect(row.accountName).toBe(row.suggestions[0]);
  });

  it('gives an adjusted name two lines come to to the earlier line', async () => {
    const [first, second] = await checked([
      { email: 'zoe@acme.example', userName: 'zoë;lefèvre' },
      { email: 'zoe.l@acme.example', userName: 'zoe_lefevre' },
    ]);

    expect(first).toMatchObject({ status: 'valid', accountName: 'zoe_lefevre' });
    expect(second.status).toBe('invalid');
    expect(codes(second.problems)).toEqual([ErrorCode.AccountNameTaken]);
    expect(second.notices).toEqual([]);
  });

  it('still refuses a user name no respelling makes valid: too short, or reserved', async () => {
    const rows = await checked([
      { email: 'alice@acme.example', userName: 'alice' },
      { email: 'it@acme.example', userName: 'administrator!' },
    ]);

    for (const row of rows) {
      expect(row.status).toBe('invalid');
      expect(codes(row.problems)).toEqual([ErrorCode.InvalidAccountName]);
      expect(row.notices).toEqual([]);
      expect(row.suggestions.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('BatchRowsValidator: addresses a spreadsheet would read as a formula', () => {
  it.each(['=cmd|calc@x.example', '+33612@x.example', '-dash@x.example'])('keeps %s valid, with the notice formula_like_email', async (email) => {
    const [row] = await checked([{ email }]);
    expect(row.status).toBe('valid');
    expect(row.notices).toEqual([{ code: ErrorCode.FormulaLikeEmail, message: expect.stringContaining(`starts with "${email[0]}"`) }]);
  });

  it.each(['jane@x.example', 'jane=doe@x.example'])('gives %s no notice', async (email) => {
    const [row] = await checked([{ email }]);
    expect(row).toMatchObject({ status: 'valid', notices: [] });
  });

  it('gives an invalid address only its error', async () => {
    const [row] = await checked([{ email: '@x.example' }]);
    expect(codes(row.problems)).toEqual([ErrorCode.InvalidEmail]);
    expect(row.notices).toEqual([]);
  });
});

describe('BatchRowsValidator: names', () => {
  it('drops control characters an export left in a name (a NUL cannot be stored on FerretDB\'s PostgreSQL backend)', async () => {
    const [row] = await checked([{ email: 'jane@x.example', firstName: 'Ja\u0000ne\u0007', lastName: ' \u0000 ' }]);
    expect(row).toMatchObject({ firstName: 'Jane', lastName: null, status: 'valid' });
  });
});
