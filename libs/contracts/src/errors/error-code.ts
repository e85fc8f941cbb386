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
  PasswordChangeRequired: 'password_change_required',
  NotFound: 'not_found',
  Conflict: 'conflict',
  BatchNotReady: 'batch_not_ready',
  BatchNotEditable: 'batch_not_editable',
  AlreadyActive: 'already_active',
  AlreadySuspended: 'already_suspended',
  NotSuspended: 'not_suspended',
  MemberSuspended: 'member_suspended',
  MemberDeleted: 'member_deleted',
  ActivationLinkUsed: 'activation_link_used',
  ActivationLinkExpired: 'activation_link_expired',
  ServiceUnavailable: 'service_unavailable',
  InternalError: 'internal_error',
  MethodNotAllowed: 'method_not_allowed',
  BodyTooLarge: 'body_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  // Uploads
  FileTooLarge: 'file_too_large',
  UnreadableFile: 'unreadable_file',
  MissingEmailColumn: 'missing_email_column',
  EmptyFile: 'empty_file',
  WorkbookHasMacros: 'workbook_has_macros',
  EncryptedWorkbook: 'encrypted_workbook',
  LegacyExcelWorkbook: 'legacy_excel_workbook',
  WorkbookTooLarge: 'workbook_too_large',
  TooManyRows: 'too_many_rows',
  TooManyColumns: 'too_many_columns',
  CellTooLarge: 'cell_too_large',
  // Rows
  InvalidEmail: 'invalid_email',
  DuplicateInBatch: 'duplicate_in_batch',
  AlreadyMember: 'already_member',
  EmailInUse: 'email_in_use',
  InvalidAccountName: 'invalid_account_name',
  AccountNameTaken: 'account_name_taken',
  AccountNameReplaced: 'account_name_replaced',
  AccountNameAdjusted: 'account_name_adjusted',
  FormulaLikeEmail: 'formula_like_email',
  WeakPassword: 'weak_password',
  CreationFailed: 'creation_failed',
  AccountDisabledInDirectory: 'account_disabled_in_directory',
  // Row notices
  NamesSplitFromDisplayName: 'names_split_from_display_name',
  NameCharactersLost: 'name_characters_lost',
  EmailFromOtherColumn: 'email_from_other_column',
  AddedAnyway: 'added_anyway',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
