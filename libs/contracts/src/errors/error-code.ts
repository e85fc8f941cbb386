/**
 * The one vocabulary of error codes, shared by the HTTP API, RPC replies and batch rows.
 * Codes are part of the public API: add new ones, never rename.
 */
export const ErrorCode = {
  // Request level
  ValidationFailed: 'validation_failed',
  Unauthorized: 'unauthorized',
  InvalidCredentials: 'invalid_credentials',
  TooManyAttempts: 'too_many_attempts',
  ActivationRequired: 'activation_required',
  NotFound: 'not_found',
  Conflict: 'conflict',
  BatchNotReady: 'batch_not_ready',
  BatchNotEditable: 'batch_not_editable',
  AlreadyActive: 'already_active',
  ActivationLinkUsed: 'activation_link_used',
  ActivationLinkExpired: 'activation_link_expired',
  ServiceUnavailable: 'service_unavailable',
  InternalError: 'internal_error',
  // Uploads
  FileTooLarge: 'file_too_large',
  UnreadableFile: 'unreadable_file',
  MissingEmailColumn: 'missing_email_column',
  EmptyFile: 'empty_file',
  // Rows
  InvalidEmail: 'invalid_email',
  DuplicateInBatch: 'duplicate_in_batch',
  AlreadyMember: 'already_member',
  EmailInUse: 'email_in_use',
  InvalidAccountName: 'invalid_account_name',
  AccountNameTaken: 'account_name_taken',
  AccountNameReplaced: 'account_name_replaced',
  AccountNameAdjusted: 'account_name_adjusted',
  WeakPassword: 'weak_password',
  CreationFailed: 'creation_failed',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
