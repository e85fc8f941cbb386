import { ErrorCode } from '@app/contracts';
import type { Account } from '../../accounts/account';
import type { AccountsRepository, ExistingEmail } from '../../accounts/persistence/accounts.repository';
import type { DeletedAccountsRepository } from '../../accounts/persistence/deleted-accounts.repository';
import type { ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import type { BatchInvitee, InvitationIssuer, InviteOutcome, InvitingBatch } from '../../invitations/invitation-issuer';
import type { AccountCreatedPublisher } from '../account-created/account-created.publisher';
import type { CreatedAccounts } from '../account-created/account-created-events';
import type { RowToCommit } from '../batch-row';
import type { CommitReport } from '../chunk-report';
import type { MemberBatch } from '../member-batch';
import type { BatchRowsRepository } from '../persistence/batch-rows.repository';
import type { ChunkReportsRepository } from '../persistence/chunk-reports.repository';
import type { AddressVerificationRequest, AddressVerificationRequests } from '../row-validation/address-verification-requests';
import { CommitChunkProcessor } from './commit-chunk.processor';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';
const batch = {
  _id: '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  organizationId,
  createdByAdminId: 'admin-who-started',
  committedByAdminId: 'admin-who-committed',
  chunkCount: 1,
} as MemberBatch;
const organization = { name: 'Contoso', locale: 'en' as const };

function row(line: number, email: string, changes: Partial<RowToCommit> = {}): RowToCommit {
  return { _id: `row-${line}`, line, emailNormalized: email, userName: null, firstName: null, lastName: null, accountName: `name.${line}`, suggestions: [], passwordHash: null, invitee: null, ...changes };
}

function personal(email: string, changes: Partial<ExistingEmail> = {}): ExistingEmail {
  return { _id: `account-of-${email}`, type: 'personal', emailNormalized: email, email, organizationId: null, accountName: `own.${email.split('@')[0]}`, firstName: null, locale: 'fr', activatedAt: new Date(), ...changes };
}

/**
 * The processor over in-memory accounts (their addresses unique, as the index makes them) and an
 * issuer answering `refusals` for some invitations; what it inserted, invited, mailed and reported.
 */
function world(existing: ExistingEmail[] = [], refusals: Record<string, string> = {}) {
  const byEmail = new Map(existing.map((owner) => [owner.emailNormalized, owner]));
  const inserted: string[] = [];
  const invited: { batch: InvitingBatch; invitees: BatchInvitee[] }[] = [];
  const mailed: AddressVerificationRequest[] = [];
  const reports: CommitReport[] = [];
  const events: CreatedAccounts[] = [];
  const accounts = {
    insertMany: async (documents: Account[]) => {
      const refused = new Set<string>();
      for (const account of documents) {
        if (byEmail.has(account.emailNormalized)) refused.add(account._id);
        else inserted.push(account.emailNormalized);
      }
      return refused;
    },
    accountNamesById: async () => new Map(),
    findExistingEmails: async (emails: string[]) => emails.flatMap((email) => byEmail.get(email) ?? []),
  } as unknown as AccountsRepository;
  const issuer = {
    inviteFromBatch: async (inviting: InvitingBatch, invitees: BatchInvitee[]): Promise<InviteOutcome[]> => {
      invited.push({ batch: inviting, invitees });
      return invitees.map(({ invitationId }) =>
        refusals[invitationId]
          ? { invitationId, outcome: 'refused', problem: { code: refusals[invitationId], message: 'Refused.' } }
          : { invitationId, outcome: 'invited' },
      );
    },
  } as unknown as InvitationIssuer;
  const processor = new CommitChunkProcessor(
    {} as BatchRowsRepository,
    accounts,
    {} as ReservationsRepository,
    { recordCommitted: async (_batchId: string, report: CommitReport) => void reports.push(report) } as unknown as ChunkReportsRepository,
    { publish: async (created: CreatedAccounts) => void events.push(created) } as unknown as AccountCreatedPublisher,
    {} as DeletedAccountsRepository,
    issuer,
    { send: async (requests: AddressVerificationRequest[]) => void mailed.push(...requests) } as unknown as AddressVerificationRequests,
  );
  return { commit: (rows: RowToCommit[], of: MemberBatch = batch) => processor.process(of, 0, organization, rows, false), inserted, invited, mailed, reports, events };
}

describe('CommitChunkProcessor: invitation rows', () => {
  it('invites the personal accounts of invitation rows instead of creating accounts, in the name of the admin who committed', async () => {
    const { commit, inserted, invited, reports, events } = world([], { 'row-3': ErrorCode.MemberOfAnotherOrganization });
    const rows = [
      row(1, 'new.hire@contoso.example'),
      row(2, 'zoe@perso.example', { accountName: 'own.zoe', invitee: { accountId: 'zoe-account' } }),
      row(3, 'max@perso.example', { accountName: 'own.max', invitee: { accountId: 'max-account' } }),
    ];
    expect(await commit(rows)).toBe(3);

    expect(inserted).toEqual(['new.hire@contoso.example']);
    expect(invited).toEqual([
      {
        batch: { organizationId, organizationName: 'Contoso', batchId: batch._id, adminId: 'admin-who-committed' },
        invitees: [{ invitationId: 'row-2', accountId: 'zoe-account' }, { invitationId: 'row-3', accountId: 'max-account' }],
      },
    ]);
    expect(events[0].members.map((member) => member.email)).toEqual(['new.hire@contoso.example']);
    // The invited row is derived from the row itself; only the refused one is kept.
    expect(reports).toEqual([
      {
        chunk: 0,
        created: 1,
        invited: 1,
        failed: 1,
        notableOutcomes: [{ rowId: 'row-3', line: 3, status: 'failed', accountName: 'own.max', notices: [], problems: [{ code: ErrorCode.MemberOfAnotherOrganization, message: 'Refused.' }] }],
      },
    ]);
  });

  it('names the admin who started the batch for a batch committed before the committer was kept', async () => {
    const { commit, invited } = world();
    const { committedByAdminId: _committer, ...older } = batch;
    await commit([row(1, 'zoe@perso.example', { invitee: { accountId: 'zoe-account' } })], older as MemberBatch);
    expect(invited[0].batch.adminId).toBe('admin-who-started');
  });

  it('asks the issuer nothing for a chunk without invitation rows', async () => {
    const { commit, invited, reports } = world();
    await commit([row(1, 'new.hire@contoso.example')]);
    expect(invited).toEqual([]);
    expect(reports[0]).toMatchObject({ created: 1, invited: 0, failed: 0, notableOutcomes: [] });
  });
});

describe('CommitChunkProcessor: an address that became a personal account\'s between review and commit', () => {
  it('treats it as validation would: invites a verified one in no organization, refuses the others, and mails an unverified one', async () => {
    const verified = personal('zoe@perso.example');
    const unverified = personal('lea@perso.example', { activatedAt: null });
    const elsewhere = personal('max@perso.example', { organizationId: 'another-organization' });
    const here = personal('ines@perso.example', { organizationId });
    const { commit, inserted, invited, mailed, reports } = world([verified, unverified, elsewhere, here]);
    await commit([row(1, 'zoe@perso.example'), row(2, 'lea@perso.example'), row(3, 'max@perso.example'), row(4, 'ines@perso.example'), row(5, 'kim@contoso.example')]);

    expect(inserted).toEqual(['kim@contoso.example']);
    expect(invited[0].invitees).toEqual([{ invitationId: 'row-1', accountId: verified._id }]);
    expect(mailed).toEqual([{ rowId: 'row-2', account: unverified }]);
    const [report] = reports;
    expect(report).toMatchObject({ created: 1, invited: 1, failed: 3 });
    const outcomes = new Map(report.notableOutcomes.map((outcome) => [outcome.rowId, outcome]));
    // Reviewed as a business account, the row keeps who it invited and under which name.
    expect(outcomes.get('row-1')).toEqual({ rowId: 'row-1', line: 1, status: 'invited', accountName: 'own.zoe', notices: [], problems: [], inviteeId: verified._id });
    expect(outcomes.get('row-2')?.problems.map((problem) => problem.code)).toEqual([ErrorCode.PersonalAccountUnverified]);
    expect(outcomes.get('row-3')?.problems.map((problem) => problem.code)).toEqual([ErrorCode.MemberOfAnotherOrganization]);
    expect(outcomes.get('row-4')?.problems.map((problem) => problem.code)).toEqual([ErrorCode.AlreadyMember]);
    expect(outcomes.has('row-5')).toBe(false);
  });
});
