import { ErrorCode } from '@app/contracts';
import type { ExistingEmail } from '../../accounts/persistence/accounts.repository';
import type { BatchRow } from '../batch-row';
import { makeInvitation, personalAccountVerdict } from './personal-account-rows';

const organizationId = 'this-organization';

const account = (changes: Partial<ExistingEmail>): ExistingEmail => ({
  _id: 'personal-account',
  type: 'personal',
  emailNormalized: 'zoe@perso.example',
  email: 'Zoe@Perso.example',
  organizationId: null,
  accountName: 'zoe.perso',
  firstName: null,
  locale: 'en',
  activatedAt: new Date('2026-11-01T10:00:00Z'),
  ...changes,
});

describe('personalAccountVerdict', () => {
  it.each([
    ['verified, in no organization', {}, { invite: true }],
    ['unverified, in no organization', { activatedAt: null }, { invite: false, code: ErrorCode.PersonalAccountUnverified, verify: true }],
    ['a member of another organization', { organizationId: 'another-organization' }, { invite: false, code: ErrorCode.MemberOfAnotherOrganization, verify: false }],
    ['a member of this organization', { organizationId }, { invite: false, code: ErrorCode.AlreadyMember, verify: false }],
  ] as const)('%s', (_, changes, expected) => {
    const verdict = personalAccountVerdict(organizationId, account(changes));
    if (verdict.invite) expect(verdict).toEqual(expected);
    else expect({ invite: false, code: verdict.problem.code, verify: verdict.verify }).toEqual(expected);
  });

  it('names the address in its sentences', () => {
    const verdict = personalAccountVerdict(organizationId, account({ activatedAt: null }));
    expect(verdict.invite ? '' : verdict.problem.message).toContain('zoe@perso.example');
  });
});

describe('makeInvitation', () => {
  it('gives the row the account\'s name and nothing to choose, and answers the name it held', () => {
    const row = { accountName: 'zoe.batch', accountNameChosen: false, suggestions: ['zoe.batch', 'zoe.b', 'zoe.b2'] } as BatchRow;
    expect(makeInvitation(row, account({}))).toBe('zoe.batch');
    expect(row).toMatchObject({ invitee: { accountId: 'personal-account' }, accountName: 'zoe.perso', accountNameChosen: true, suggestions: [] });
  });

  it('answers no name for a row that held none', () => {
    expect(makeInvitation({ accountName: null, suggestions: [] } as unknown as BatchRow, account({}))).toBeNull();
  });
});
