import { ErrorCode } from '@app/contracts';

/** The HTTP status of each error code a service may answer with. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 422,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.ActivationRequired]: 403,
  [ErrorCode.PasswordChangeRequired]: 403,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.BatchNotReady]: 409,
  [ErrorCode.BatchNotEditable]: 409,
  [ErrorCode.AlreadyActive]: 409,
  [ErrorCode.AlreadySuspended]: 409,
  [ErrorCode.NotSuspended]: 409,
  [ErrorCode.MemberSuspended]: 409,
  [ErrorCode.MemberDeleted]: 409,
  [ErrorCode.ActivationLinkUsed]: 410,
  [ErrorCode.ActivationLinkExpired]: 410,
  [ErrorCode.AccountNameTaken]: 409,
  [ErrorCode.InvalidAccountName]: 422,
  [ErrorCode.InvalidEmail]: 422,
  [ErrorCode.WeakPassword]: 422,
  [ErrorCode.FileTooLarge]: 413,
  [ErrorCode.BodyTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.UnreadableFile]: 422,
  [ErrorCode.MissingEmailColumn]: 422,
  [ErrorCode.EmptyFile]: 422,
  [ErrorCode.WorkbookHasMacros]: 422,
  [ErrorCode.EncryptedWorkbook]: 422,
  [ErrorCode.LegacyExcelWorkbook]: 422,
  [ErrorCode.WorkbookTooLarge]: 422,
  [ErrorCode.TooManyRows]: 422,
  [ErrorCode.TooManyColumns]: 422,
  [ErrorCode.CellTooLarge]: 422,
  [ErrorCode.ServiceUnavailable]: 503,
};

export function statusForErrorCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 500;
}
