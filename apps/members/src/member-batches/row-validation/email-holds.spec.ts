import { ErrorCode } from '@app/contracts';
import type { AccountsRepository, ExistingEmail } from '../../accounts/persistence/accounts.repository';
import type { EmailHold, ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import type { MemberBatchesRepository } from '../persistence/member-batches.repository';
import type { AddressVerificationRequest, AddressVerificationRequests } from './address-verification-requests';
import { AccountNamePicker } from './account-name-picker';
import { BatchRowsValidator } from './batch-rows.validator';
import { EmailHolds } from './email-holds';
import { InMemoryNameClaims } from './name-claims';
import type { NameHolds } from './name-holds';
import { TakenAccountNames } from './taken-account-names';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';
const otherOrganizationId = '3c9d2e1f-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const batchId = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
/** What a sign-up's hold names as its batch. */
const signUpHolds = '00000000-0000-4000-8000-000000000000';

function account(email: string, changes: Partial<ExistingEmail> = {}): ExistingEmail {
  return {
    _id: `account-of-${email}`,
    type: 'personal',
    emailNormalized: email,
    email,
    organizationId: null,
    accountName: `own.${email.split('@')[0]}`,
    firstName: 'Zoé',
    locale: 'fr',
    activatedAt: new Date('2026-11-01T10:00:00Z'),
    ...changes,
  };
}

/**
 * The validator over in-memory reservations and accounts: an account holds its own address, as a
 * sign-up or a commit left it. Records what was looked up, mailed and given back.
 */
function world(accounts: ExistingEmail[]) {
  const emailHolds = new Map<string, EmailHold>(accounts.map((owner) => [owner.emailNormalized, { _id: owner.emailNormalized, organizationId: owner.organizationId ?? '', batchId: signUpHolds, rowId: owner._id, line: 0 }]));
  const lookedUp: string[][] = [];
  const mailed: AddressVerificationRequest[] = [];
  const released: string[] = [];
  const reservations = {
    holdEmails: async (holds: EmailHold[]) => {
      const holders = new Map<string, EmailHold>();
      for (const hold of holds) {
        const holder = emailHolds.get(hold._id);
        if (holder) holders.set(hold._id, holder);
        else emailHolds.set(hold._id, hold);
      }
      return holders;
    },
    takeOverEmail: async () => false,
    releaseName: async (name: string, rowId: string) => void released.push(`${name} of ${rowId}`),
  } as unknown as ReservationsRepository;
  const accountsRepository = {
    findExistingEmails: async (emails: string[]) => {
      lookedUp.push(emails);
      return accounts.filter((owner) => emails.includes(owner.emailNormalized));
    },
  } as unknown as AccountsRepository;
  const batches = { committingAmong: async () => new Set<string>() } as unknown as MemberBatchesRepository;
  const verifications = { send: async (requests: AddressVerificationRequest[]) => void mailed.push(...requests) } as unknown as AddressVerificationRequests;
  const holds = new EmailHolds(reservations, accountsRepository, batches, verifications);
  const nameHolds = { forBatch: () => new InMemoryNameClaims() } as unknown as NameHolds;
  const validator = new BatchRowsValidator(holds, new AccountNamePicker(new TakenAccountNames()), nameHolds);
  let nextRow = 0;
  const validate = (emails: string[]) =>
    validator.validate(
      { organizationId, batchId, chunkSize: 500, newRowId: () => `row-${(nextRow += 1)}` },
      emails.map((email, index) => ({ line: index + 1, email })),
    );
  return { validate, validator, lookedUp, mailed, released };
}

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('EmailHolds: addresses of personal accounts', () => {
  it('makes a row whose address is a verified personal account in no organization an invitation of it, named as the account is', async () => {
    const zoe = account('zoe@perso.example');
    const { validate, mailed } = world([zoe]);
    const [row, other] = await validate(['Zoe@Perso.example', 'marc@acme.example']);

    expect(row).toMatchObject({ status: 'valid', problems: [], invitee: { accountId: zoe._id }, accountName: 'own.zoe', accountNameChosen: true, suggestions: [] });
    // The other rows are named as before.
    expect(other).toMatchObject({ status: 'valid', accountNameChosen: false });
    expect(other.invitee).toBeUndefined();
    expect(other.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(mailed).toEqual([]);
  });

  it('refuses an unverified personal account\'s address and asks for the mail that verifies it, once per row', async () => {
    const unverified = account('lea@perso.example', { activatedAt: null });
    const { validate, mailed } = world([unverified]);
    const [row] = await validate(['lea@perso.example']);

    expect(row.status).toBe('invalid');
    expect(codes(row.problems)).toEqual([ErrorCode.PersonalAccountUnverified]);
    expect(row.problems[0].message).toContain('was sent a mail to verify it');
    expect(row.invitee).toBeUndefined();
    expect(mailed).toEqual([{ rowId: row._id, account: unverified }]);
  });

  it('refuses a personal account that is a member: of another organization, or of this one', async () => {
    const elsewhere = account('max@perso.example', { organizationId: otherOrganizationId });
    const here = account('ines@perso.example', { organizationId });
    const { validate, mailed } = world([elsewhere, here]);
    const [first, second] = await validate(['max@perso.example', 'ines@perso.example']);

    expect(codes(first.problems)).toEqual([ErrorCode.MemberOfAnotherOrganization]);
    expect(codes(second.problems)).toEqual([ErrorCode.AlreadyMember]);
    expect([first.invitee, second.invitee]).toEqual([undefined, undefined]);
    expect(mailed).toEqual([]);
  });

  it('still refuses a business account\'s address as before', async () => {
    const { validate } = world([
      account('paul@acme.example', { type: 'business', organizationId }),
      account('anna@other.example', { type: undefined, organizationId: otherOrganizationId }),
    ]);
    const [member, elsewhere] = await validate(['paul@acme.example', 'anna@other.example']);

    expect(codes(member.problems)).toEqual([ErrorCode.AlreadyMember]);
    expect(codes(elsewhere.problems)).toEqual([ErrorCode.EmailInUse]);
  });

  it('looks up only the addresses whose hold collided', async () => {
    const { validate, lookedUp } = world([account('zoe@perso.example')]);
    await validate(['a@acme.example', 'zoe@perso.example', 'b@acme.example', 'zoe@perso.example']);

    // The second zoe is a duplicate of the first line, found without a look-up.
    expect(lookedUp).toEqual([['zoe@perso.example']]);
  });

  it('gives back the account name a row held before it became an invitation', async () => {
    const zoe = account('zoe@perso.example');
    const { validator, released } = world([zoe]);
    const [row] = await validator.validate({ organizationId, batchId, chunkSize: 500, newRowId: () => 'row-1' }, [{ line: 1, email: 'x@acme.example' }]);
    // The same row, its address corrected to the person's while it held a name.
    const corrected = { ...row, email: 'zoe@perso.example', emailNormalized: 'zoe@perso.example', problems: [], notices: [] };
    const heldName = corrected.accountName;
    await validator.holdEmails(organizationId, [corrected]);

    expect(heldName).not.toBeNull();
    expect(released).toEqual([`${heldName} of row-1`]);
    expect(corrected).toMatchObject({ accountName: 'own.zoe', invitee: { accountId: zoe._id }, suggestions: [] });
  });
});
