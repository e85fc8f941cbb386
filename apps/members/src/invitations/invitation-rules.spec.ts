import { ErrorCode } from '@app/contracts';
import type { Account } from '../accounts/account';
import type { Invitation } from './domain/invitation';
import { answerableNow } from './invitation-answers';
import { invitationRefusal } from './invitation-issuer';

const now = new Date(Date.UTC(2026, 11, 1, 12));

function account(rest: Partial<Account>): Account {
  return {
    _id: 'account-1',
    type: 'personal',
    organizationId: null,
    email: 'jane.doe@example.org',
    emailNormalized: 'jane.doe@example.org',
    accountName: 'jane.doe',
    firstName: 'Jane',
    lastName: 'Doe',
    status: 'active',
    passwordHash: 'scrypt$hash',
    mustChangePassword: false,
    locale: 'en',
    batchId: null,
    chunk: null,
    createdAt: now,
    activatedAt: now,
    ...rest,
  };
}

describe('invitationRefusal', () => {
  it.each([
    ['a verified personal account in no organization', account({}), null],
    ['no account', null, ErrorCode.NotAPersonalAccount],
    ['a business account', account({ type: 'business', organizationId: 'org-2' }), ErrorCode.NotAPersonalAccount],
    ['an account from before types (business)', account({ type: undefined, organizationId: 'org-2' }), ErrorCode.NotAPersonalAccount],
    ['an unverified personal account', account({ activatedAt: null, status: 'pending_activation' }), ErrorCode.PersonalAccountUnverified],
    ['a member of this organization', account({ organizationId: 'org-1' }), ErrorCode.AlreadyMember],
    ['a member of another organization', account({ organizationId: 'org-2' }), ErrorCode.MemberOfAnotherOrganization],
  ])('%s → %s', (_case, candidate, code) => {
    expect(invitationRefusal(candidate, 'org-1')?.code ?? null).toBe(code);
  });
});

describe('answerableNow', () => {
  const invitation = (rest: Partial<Invitation>) => ({ status: 'pending', expiresAt: new Date(now.getTime() + 1), ...rest }) as Invitation;
  const codeOf = (candidate: Invitation) => {
    try {
      answerableNow(candidate, now);
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it.each([
    ['pending, before its expiry', invitation({}), null],
    ['pending, at its expiry (the sweep has not run)', invitation({ expiresAt: now }), ErrorCode.InvitationExpired],
    ['expired by the sweep', invitation({ status: 'expired', expiresAt: now }), ErrorCode.InvitationExpired],
    ['accepted', invitation({ status: 'accepted' }), ErrorCode.InvitationNotPending],
    ['declined', invitation({ status: 'declined' }), ErrorCode.InvitationNotPending],
    ['cancelled', invitation({ status: 'cancelled' }), ErrorCode.InvitationNotPending],
  ])('%s → %s', (_case, candidate, code) => {
    expect(codeOf(candidate)).toBe(code);
  });
});
