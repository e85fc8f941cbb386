import type { RowProblem } from '@app/contracts';
import type { ExistingEmail } from '../../accounts/persistence/accounts.repository';
import type { BatchRow } from '../batch-row';
import { RowProblems } from './row-problems';

/**
 * What a batch row whose address is a personal account's becomes: an invitation of that account
 * when it is verified and in no organization, else a problem (`verify` when its person is to be
 * mailed a link to verify the address, after which the admin can invite them).
 */
export type PersonalAccountVerdict = { invite: true } | { invite: false; problem: RowProblem; verify: boolean };

export function personalAccountVerdict(organizationId: string, account: ExistingEmail): PersonalAccountVerdict {
  if (account.organizationId === organizationId) return { invite: false, problem: RowProblems.alreadyMember(account.emailNormalized), verify: false };
  if (account.organizationId !== null) return { invite: false, problem: RowProblems.memberOfAnotherOrganization(account.emailNormalized), verify: false };
  if (account.activatedAt === null) return { invite: false, problem: RowProblems.personalAccountUnverified(account.emailNormalized), verify: true };
  return { invite: true };
}

/**
 * The row as an invitation of the account: its account name is the account's own, which the
 * admin cannot change, so there is nothing to suggest. Answers the name the row held before, to give back.
 */
export function makeInvitation(row: BatchRow, account: ExistingEmail): string | null {
  const released = row.accountName;
  row.invitee = { accountId: account._id };
  row.accountName = account.accountName;
  row.accountNameChosen = true;
  row.suggestions = [];
  return released;
}

