import { ErrorCode, type RowProblem } from '@app/contracts';
import type { BatchRow } from './batch-row';
import { createdOutcome, outcomeOf, type RowOutcome } from './row-outcome';

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
