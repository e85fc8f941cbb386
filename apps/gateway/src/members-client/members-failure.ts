import { ErrorCode } from '@app/contracts';
import type { MembersRpcFailure } from '@app/messaging';
import { ApiException } from '../http/api.exception';
import { statusForErrorCode } from '../http/error-status';

/** A failed request to the members service as the HTTP answer the admin gets. */
export function membersFailure(failure: MembersRpcFailure): ApiException {
  switch (failure.kind) {
    case 'refused': {
      const { code, message, details } = failure.refusal;
      return new ApiException(statusForErrorCode(code), code, message, details);
    }
    case 'timed-out':
      return new ApiException(503, ErrorCode.ServiceUnavailable, 'The members service did not answer in time; try again shortly.');
    case 'unreachable':
      return new ApiException(503, ErrorCode.ServiceUnavailable, 'The members service cannot be reached; try again shortly.');
  }
}
