import { ErrorCode, type RowProblem } from '@app/contracts';
import type { ReservationsRepository } from '../accounts/persistence/reservations.repository';
import type { PasswordHasher } from '../credentials/password-hasher';
import type { DomainError } from '../rpc/domain.error';
import type { BatchLookup } from './batch-lookup';
import type { BatchRow } from './batch-row';
import type { MemberBatch } from './member-batch';
import type { BatchRowsRepository } from './persistence/batch-rows.repository';
import type { ChunkSnapshotsRepository } from './persistence/chunk-snapshots.repository';
import type { MemberBatchesRepository } from './persistence/member-batches.repository';
import { AccountNamePicker } from './row-validation/account-name-picker';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';
import type { EmailHolds } from './row-validation/email-holds';
import { InMemoryNameClaims } from './row-validation/name-claims';
import type { NameHolds } from './row-validation/name-holds';
import { TakenAccountNames } from './row-validation/taken-account-names';
import { UpdateBatchRowUseCase } from './update-batch-row.usecase';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';
const adminId = '2f0c5c1e-8a2d-4a8e-9f10-3c4d5e6f7a8b';
const batchId = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

const nameTaken: RowProblem = { code: ErrorCode.AccountNameTaken, message: 'The account name "jdupont" asked for is taken.' };

function reviewedRow(changes: Partial<BatchRow> = {}): BatchRow {
  return {
    _id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', batchId, organizationId, line: 2, chunk: 3,
    email: 'jean.dupont@acme.example', emailNormalized: 'jean.dupont@acme.example', userName: null,
    firstName: 'Jean', lastName: 'Dupont', accountName: 'jean.dupont', accountNameChosen: false,
    suggestions: ['jean.dupont', 'jdupont', 'jean.dupont2'], passwordHash: null, status: 'valid',
    problems: [], notices: [], memberId: null, cells: ['jean.dupont@acme.example'],
    ...changes,
  };
}

/** The use case over an in-memory batch, its rows and the names held in the system; what it wrote, in order. */
function world(row: BatchRow, batchStatus: MemberBatch['status'] = 'ready', heldElsewhere: string[] = [], membersAddresses: string[] = [], personalAddresses: string[] = []) {
  const writes: string[] = [];
  // Holding an address: refused for a member's, as email_reservations would; a verified personal account's makes an invitation.
  const emailHolds = {
    hold: async (_organization: string, holding: BatchRow[]) => {
      for (const candidate of holding) {
        if (membersAddresses.includes(candidate.emailNormalized)) candidate.problems.push({ code: ErrorCode.AlreadyMember, message: 'Already a member.' });
        else if (personalAddresses.includes(candidate.emailNormalized)) Object.assign(candidate, { invitee: { accountId: 'personal-account' }, accountName: 'own.name', accountNameChosen: true, suggestions: [] });
        else writes.push(`hold ${candidate.emailNormalized}`);
      }
    },
  } as unknown as EmailHolds;
  const nameHolds = { forBatch: () => new InMemoryNameClaims() } as unknown as NameHolds;
  const held = new Map<string, string>(heldElsewhere.map((name) => [name, 'another-row']));
  const rows = new Map([[row._id, row]]);
  const batch = { _id: batchId, organizationId, status: batchStatus } as MemberBatch;
  const useCase = new UpdateBatchRowUseCase(
    { find: async () => batch } as unknown as BatchLookup,
    { moveCount: async (_id: string, _chunk: number, from: string, to: string) => void writes.push(`count ${from}→${to}`) } as unknown as MemberBatchesRepository,
    {
      findInBatch: async (_batch: string, id: string) => rows.get(id) ?? null,
      update: async (updated: BatchRow) => void (rows.set(updated._id, updated), writes.push('row')),
    } as unknown as BatchRowsRepository,
    {
      holdNames: async (holds: { name: string; rowId: string }[]) => {
        const refused = new Set<string>();
        for (const { name, rowId } of holds) {
          if (held.has(name) && held.get(name) !== rowId) refused.add(name);
          else held.set(name, rowId);
        }
        return refused;
      },
      releaseName: async (name: string, rowId: string) => {
        if (held.get(name) === rowId) held.delete(name);
        writes.push(`release ${name}`);
      },
    } as unknown as ReservationsRepository,
    nameHolds,
    new AccountNamePicker(new TakenAccountNames()),
    { hash: async (password: string) => `hashed(${password})` } as unknown as PasswordHasher,
    { discard: async (_batch: string, chunk: number) => void writes.push(`discard snapshot ${chunk}`) } as unknown as ChunkSnapshotsRepository,
    new BatchRowsValidator(emailHolds, new AccountNamePicker(new TakenAccountNames()), nameHolds),
  );
  const edit = (patch: { accountName?: string; firstName?: string; lastName?: string; password?: string; addAnyway?: true }) =>
    useCase.execute({ organizationId, adminId, batchId, rowId: row._id, patch });
  return { edit, writes, held, stored: () => rows.get(row._id)! };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('the edit was accepted')), (error: DomainError) => error);

describe('UpdateBatchRowUseCase', () => {
  it('holds a free name the admin picks and moves the row from invalid to valid', async () => {
    const { edit, writes, held, stored } = world(reviewedRow({ accountName: null, status: 'invalid', problems: [nameTaken] }));
    const view = await edit({ accountName: ' Jean.D ' });

    expect(view).toMatchObject({ accountName: 'jean.d', status: 'valid', errors: [] });
    expect(stored()).toMatchObject({ accountName: 'jean.d', accountNameChosen: true, status: 'valid' });
    expect(held.get('jean.d')).toBe(stored()._id);
    // The snapshot goes before the row is written, or the commit would take the row as it was.
    expect(writes).toEqual(['discard snapshot 3', 'row', 'count invalid→valid']);
  });

  it('refuses a name another row or member holds, with suggestions, and changes nothing', async () => {
    const { edit, writes, stored } = world(reviewedRow(), 'ready', ['jdupont']);
    const error = await refusal(edit({ accountName: 'jdupont' }));

    expect(error.code).toBe(ErrorCode.AccountNameTaken);
    expect(error.details).toEqual([expect.objectContaining({ field: 'accountName', code: ErrorCode.AccountNameTaken, suggestions: expect.arrayContaining([expect.any(String)]) })]);
    expect((error.details![0] as { suggestions: string[] }).suggestions).not.toContain('jdupont');
    expect(writes).toEqual([]);
    expect(stored().accountName).toBe('jean.dupont');
  });

  it('refuses an invalid name with suggestions', async () => {
    const { edit } = world(reviewedRow());
    const error = await refusal(edit({ accountName: 'a b' }));

    expect(error.code).toBe(ErrorCode.InvalidAccountName);
    expect((error.details![0] as { suggestions: string[] }).suggestions.length).toBeGreaterThan(0);
  });

  it('refuses a name the admin types that a file\'s user name would have been respelled from', async () => {
    const { edit, writes } = world(reviewedRow());
    const error = await refusal(edit({ accountName: 'zoë;lefèvre' }));

    expect(error.code).toBe(ErrorCode.InvalidAccountName);
    expect(writes).toEqual([]);
  });

  it('drops the notice of a respelled user name once the admin picks another name, and keeps it otherwise', async () => {
    const adjusted: RowProblem = { code: ErrorCode.AccountNameAdjusted, message: '"zoë;lefèvre" cannot be used as an account name; "zoe_lefevre" was picked instead.' };
    const row = reviewedRow({ userName: 'zoë;lefèvre', accountName: 'zoe_lefevre', accountNameChosen: true, notices: [adjusted] });
    const { edit } = world(row);

    expect((await edit({ firstName: 'Zoé' })).notices).toEqual([adjusted]);
    const view = await edit({ accountName: 'zoe.lefevre' });
    expect(view).toMatchObject({ accountName: 'zoe.lefevre', notices: [] });
  });

  it('suggests again from new names when no name was chosen, and gives the old name up', async () => {
    const { edit, writes, stored } = world(reviewedRow());
    const view = await edit({ firstName: 'Marie', lastName: 'Curie' });

    expect(view.accountName).toMatch(/marie|curie/);
    expect(stored()).toMatchObject({ firstName: 'Marie', lastName: 'Curie' });
    expect(writes).toContain('release jean.dupont');
  });

  it('keeps a chosen name when the names change', async () => {
    const { edit } = world(reviewedRow({ accountName: 'jd', accountNameChosen: true }));
    expect((await edit({ firstName: 'Marie' })).accountName).toBe('jd');
  });

  it('stores only the hash of a password set on the member’s behalf, and refuses a weak one', async () => {
    const { edit, stored } = world(reviewedRow());
    const weak = await refusal(edit({ password: 'jean.dupont' }));
    expect(weak.code).toBe(ErrorCode.WeakPassword);
    expect(weak.details).toEqual([expect.objectContaining({ field: 'password' })]);

    const view = await edit({ password: 'Sturdy-Violet-Canal-88' });
    expect(stored().passwordHash).toBe('hashed(Sturdy-Violet-Canal-88)');
    expect(JSON.stringify(view)).not.toContain('Sturdy-Violet-Canal-88');
  });

  describe('a row the directory disabled', () => {
    const disabled: RowProblem = { code: ErrorCode.AccountDisabledInDirectory, message: 'The directory marks this account as disabled ("accountEnabled" is "False").' };
    const disabledRow = () => reviewedRow({ accountName: null, suggestions: [], status: 'invalid', problems: [disabled] });

    it('is added anyway when asked: it holds its address, gets an account name, turns valid and says why', async () => {
      const { edit, writes, stored } = world(disabledRow());
      const view = await edit({ addAnyway: true });

      expect(view).toMatchObject({ status: 'valid', errors: [], accountName: expect.stringMatching(/jean|dupont/) });
      expect(view.suggestions.length).toBeGreaterThanOrEqual(3);
      expect(view.notices).toEqual([{ code: ErrorCode.AddedAnyway, message: expect.stringContaining('added anyway') }]);
      expect(stored()).toMatchObject({ status: 'valid', problems: [] });
      expect(writes).toEqual(['hold jean.dupont@acme.example', 'discard snapshot 3', 'row', 'count invalid→valid']);
    });

    it('stays invalid, with the reason, when its address is a member’s', async () => {
      const { edit, writes } = world(disabledRow(), 'ready', [], ['jean.dupont@acme.example']);
      const view = await edit({ addAnyway: true });

      expect(view).toMatchObject({ status: 'invalid', accountName: null, errors: [expect.objectContaining({ code: ErrorCode.AlreadyMember })] });
      expect(writes).not.toContain('count invalid→valid');
    });

    it('takes the names edited with it', async () => {
      const { edit } = world(disabledRow());
      const view = await edit({ addAnyway: true, firstName: 'Marie', lastName: 'Curie' });

      expect(view).toMatchObject({ status: 'valid', firstName: 'Marie', lastName: 'Curie', accountName: expect.stringMatching(/marie|curie/) });
    });

    it('is not added by any other edit', async () => {
      const { edit } = world(disabledRow());
      expect(await edit({ firstName: 'Jeanne' })).toMatchObject({ status: 'invalid', errors: [disabled] });
    });

    it('leaves a row the directory did not disable as it is', async () => {
      const { edit, writes } = world(reviewedRow());
      expect(await edit({ addAnyway: true })).toMatchObject({ status: 'valid', accountName: 'jean.dupont', notices: [] });
      expect(writes).toEqual(['discard snapshot 3', 'row']);
    });
  });

  it('edits only a batch under review', async () => {
    const { edit } = world(reviewedRow(), 'committing');
    expect((await refusal(edit({ firstName: 'Late' }))).code).toBe(ErrorCode.BatchNotEditable);
  });

  describe('an invitation row (the address is a verified personal account\'s)', () => {
    const invitation = (changes: Partial<BatchRow> = {}) =>
      reviewedRow({ invitee: { accountId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }, accountName: 'zoe.perso', accountNameChosen: true, suggestions: [], ...changes });

    it.each([
      ['its account name', { accountName: 'jean.d' }],
      ['its first name', { firstName: 'Marie' }],
      ['its last name', { lastName: 'Curie' }],
      ['a password', { password: 'a long enough passphrase 42' }],
      ['an emptied name', { firstName: '' }],
    ])('refuses an edit of %s with 409 invitation_not_editable, and changes nothing', async (_, patch) => {
      const { edit, writes, stored } = world(invitation());
      const error = await refusal(edit(patch));

      expect(error.code).toBe(ErrorCode.InvitationNotEditable);
      expect(error.message).toContain('personal account');
      expect(writes).toEqual([]);
      expect(stored()).toMatchObject({ accountName: 'zoe.perso', firstName: 'Jean', passwordHash: null });
    });

    it('takes "add anyway" alone, which leaves a row the directory did not disable as it is', async () => {
      const { edit } = world(invitation());
      expect(await edit({ addAnyway: true })).toMatchObject({ kind: 'invitation', accountName: 'zoe.perso', status: 'valid', suggestions: [] });
    });

    it('adds anyway a disabled row whose address turns out to be a verified personal account\'s, as an invitation', async () => {
      const disabled: RowProblem = { code: ErrorCode.AccountDisabledInDirectory, message: 'Disabled.' };
      const row = reviewedRow({ accountName: null, suggestions: [], status: 'invalid', problems: [disabled] });
      const { edit, stored } = world(row, 'ready', [], [], [row.emailNormalized]);

      expect(await edit({ addAnyway: true })).toMatchObject({ kind: 'invitation', accountName: 'own.name', status: 'valid', suggestions: [] });
      expect(stored()).toMatchObject({ invitee: { accountId: 'personal-account' }, status: 'valid' });
    });

    it('refuses "add anyway" with a new name when the row turns out to be an invitation, and changes nothing', async () => {
      const disabled: RowProblem = { code: ErrorCode.AccountDisabledInDirectory, message: 'Disabled.' };
      const row = reviewedRow({ accountName: null, suggestions: [], status: 'invalid', problems: [disabled] });
      const { edit, writes, stored } = world(row, 'ready', [], [], [row.emailNormalized]);

      expect((await refusal(edit({ addAnyway: true, firstName: 'Marie' }))).code).toBe(ErrorCode.InvitationNotEditable);
      expect(writes).toEqual([]);
      expect(stored().status).toBe('invalid');
    });
  });
});
