import { ErrorCode, type RowProblem } from '@app/contracts';
import { shortened } from '../batch-view';

/**
 * A value of the file quoted in a sentence, cut short: the row shows it whole, and rows travel on
 * the broker 500 at a time, so no sentence may grow with the file.
 */
function shown(value: string): string {
  return shortened(value, 100);
}

/** The sentences an admin reads next to a row; one place so they stay consistent. */
export const RowProblems = {
  invalidEmail: (email: string): RowProblem => ({
    code: ErrorCode.InvalidEmail,
    message: email ? `"${shown(email)}" is not a valid email address.` : 'The email address is missing.',
  }),
  duplicateInBatch: (firstLine: number): RowProblem => ({
    code: ErrorCode.DuplicateInBatch,
    message: `This email address already appears on line ${firstLine}.`,
  }),
  alreadyMember: (email: string): RowProblem => ({
    code: ErrorCode.AlreadyMember,
    message: `${email} is already a member of this organization.`,
  }),
  emailInUse: (email: string): RowProblem => ({
    code: ErrorCode.EmailInUse,
    message: `${email} is already used by a business account of another organization.`,
  }),
  personalAccountUnverified: (email: string): RowProblem => ({
    code: ErrorCode.PersonalAccountUnverified,
    message: `${email} belongs to a personal account whose address is not verified yet: its owner was sent a mail to verify it. Once they have, add the address again to invite them.`,
  }),
  memberOfAnotherOrganization: (email: string): RowProblem => ({
    code: ErrorCode.MemberOfAnotherOrganization,
    message: `${email} belongs to a personal account that is a member of another organization: it can be invited once it has left that one.`,
  }),
  accountNameTaken: (name: string): RowProblem => ({
    code: ErrorCode.AccountNameTaken,
    message: `The account name "${name}" is already taken; pick one of the suggestions.`,
  }),
  accountNameAdjusted: (userName: string, used: string): RowProblem => ({
    code: ErrorCode.AccountNameAdjusted,
    message: `"${shown(userName)}" cannot be used as an account name; "${used}" was picked instead.`,
  }),
  formulaLike: (email: string): RowProblem => ({
    code: ErrorCode.FormulaLikeEmail,
    message: `${email} starts with "${email[0]}", which spreadsheets read as a formula: check it is the member's real address.`,
  }),
  accountNameReplaced: (wanted: string, used: string): RowProblem => ({
    code: ErrorCode.AccountNameReplaced,
    message: `"${wanted}" was taken meanwhile; the account was created as "${used}".`,
  }),
  creationFailed: (reason: string): RowProblem => ({ code: ErrorCode.CreationFailed, message: reason }),
  accountDisabledInDirectory: (column: string, value: string): RowProblem => ({
    code: ErrorCode.AccountDisabledInDirectory,
    message: `The directory marks this account as disabled ("${shown(column)}" is "${shown(value)}"), so it is not added unless you add it anyway.`,
  }),
  addedAnyway: (): RowProblem => ({
    code: ErrorCode.AddedAnyway,
    message: 'The directory marks this account as disabled; it is added anyway, as asked in the review.',
  }),
  namesSplitFromDisplayName: (displayName: string, firstName: string | null, lastName: string | null): RowProblem => ({
    code: ErrorCode.NamesSplitFromDisplayName,
    message:
      `The file has no first and last name for this row: they were taken from the display name "${shown(displayName)}" ` +
      `(first name ${firstName ? `"${shown(firstName)}"` : 'none'}, last name ${lastName ? `"${shown(lastName)}"` : 'none'}). Correct them if the split is wrong.`,
  }),
  nameCharactersLost: (field: string, value: string): RowProblem => ({
    code: ErrorCode.NameCharactersLost,
    message:
      `The ${field} "${shown(value)}" has "?" where the file lost letters (Windows PowerShell 5.1 writes Export-Csv files in ASCII ` +
      'unless given -Encoding UTF8), so it was left out rather than used mangled: type it in the review, or export the file again in UTF-8.',
  }),
  emailFromOtherColumn: (column: string): RowProblem => ({
    code: ErrorCode.EmailFromOtherColumn,
    message: `This row has no address in the file's email column; the one in "${shown(column)}" was used.`,
  }),
};
