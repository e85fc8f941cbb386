import { ErrorCode, type RowProblem } from '@app/contracts';
import type { BatchRow } from './batch-row';
import { toBatchRowView } from './batch-view';
import { createdOutcome, invitedOutcome, outcomeOf, type RowOutcome } from './row-outcome';

const adjusted: RowProblem = { code: ErrorCode.AccountNameAdjusted, message: '"zoë;lefèvre" cannot be used as an account name; "zoe_lefevre" was picked instead.' };
const replaced: RowProblem = { code: ErrorCode.AccountNameReplaced, message: '"zoe_lefevre" was taken meanwhile; the account was created as "zoe_lefevre2".' };

const row = (notices: RowProblem[]) => ({ _id: 'row', line: 2, accountName: 'zoe_lefevre', notices }) as BatchRow;

describe('outcomeOf', () => {
  it('is created as reviewed when the commit noted nothing, with the notices of the review', () => {
    expect(outcomeOf(row([]), new Map())).toEqual(createdOutcome(row([]), 'zoe_lefevre'));
    expect(outcomeOf(row([adjusted]), new Map())).toMatchObject({ status: 'created', accountName: 'zoe_lefevre', notices: [adjusted] });
  });

  it('is the notable outcome, after the notices of the review', () => {
    const renamed: RowOutcome = createdOutcome(row([]), 'zoe_lefevre2', [replaced]);
    expect(outcomeOf(row([adjusted]), new Map([['row', renamed]]))).toEqual({ ...renamed, notices: [adjusted, replaced] });
    expect(outcomeOf(row([]), new Map([['row', renamed]]))).toEqual(renamed);
  });
});

describe('outcomeOf and the row view: invitation rows', () => {
  const personalAccountId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const invitationRow = { ...row([]), accountName: 'zoe.perso', invitee: { accountId: personalAccountId }, notices: [], problems: [], suggestions: [], passwordHash: null, memberId: null } as BatchRow;
  const businessRow = { ...row([]), problems: [], suggestions: [], passwordHash: null, memberId: null } as BatchRow;

  it('is invited when the commit noted nothing, and shows the personal account as its member', () => {
    const outcome = outcomeOf(invitationRow, new Map());
    expect(outcome).toEqual(invitedOutcome(invitationRow, 'zoe.perso'));
    expect(toBatchRowView(invitationRow, outcome)).toMatchObject({ status: 'invited', kind: 'invitation', memberId: personalAccountId, accountName: 'zoe.perso' });
  });

  it('is the failure the issuer answered, still an invitation row, with no member', () => {
    const refused: RowOutcome = { ...invitedOutcome(invitationRow, 'zoe.perso'), status: 'failed', problems: [{ code: ErrorCode.MemberOfAnotherOrganization, message: 'Joined another organization.' }] };
    expect(toBatchRowView(invitationRow, outcomeOf(invitationRow, new Map([['row', refused]])))).toMatchObject({ status: 'failed', kind: 'invitation', memberId: null });
  });

  it('shows a business row invited at commit (its address became a personal account\'s) as an invitation of that account', () => {
    const late: RowOutcome = { ...invitedOutcome(businessRow, 'own.name'), inviteeId: personalAccountId };
    expect(toBatchRowView(businessRow, outcomeOf(businessRow, new Map([['row', late]])))).toMatchObject({ status: 'invited', kind: 'invitation', memberId: personalAccountId, accountName: 'own.name' });
  });

  it('shows an invitation row under review as one, and a business row as one', () => {
    expect(toBatchRowView({ ...invitationRow, status: 'valid' })).toMatchObject({ kind: 'invitation', status: 'valid', memberId: null });
    expect(toBatchRowView({ ...businessRow, status: 'valid' })).toMatchObject({ kind: 'business_account' });
    expect(toBatchRowView(businessRow, outcomeOf(businessRow, new Map()))).toMatchObject({ status: 'created', kind: 'business_account', memberId: 'row' });
  });
});
