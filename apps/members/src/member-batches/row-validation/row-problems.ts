import { ErrorCode, type RowProblem } from '@app/contracts';

/** The sentences an admin reads next to a row; one place so they stay consistent. */
export const RowProblems = {
  invalidEmail: (email: string): RowProblem => ({
    code: ErrorCode.InvalidEmail,
    message: email ? `"${email}" is not a valid email address.` : 'The email address is missing.',
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
  accountNameTaken: (name: string): RowProblem => ({
    code: ErrorCode.AccountNameTaken,
    message: `The account name "${name}" is already taken; pick one of the suggestions.`,
  }),
  accountNameAdjusted: (userName: string, used: string): RowProblem => ({
    code: ErrorCode.AccountNameAdjusted,
    message: `"${userName}" cannot be used as an account name; "${used}" was picked instead.`,
  }),
  accountNameReplaced: (wanted: string, used: string): RowProblem => ({
    code: ErrorCode.AccountNameReplaced,
    message: `"${wanted}" was taken meanwhile; the account was created as "${used}".`,
  }),
  creationFailed: (reason: string): RowProblem => ({ code: ErrorCode.CreationFailed, message: reason }),
};
