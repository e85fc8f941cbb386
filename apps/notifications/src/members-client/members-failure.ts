import { ErrorCode } from '@app/contracts';
import type { MembersRpcFailure } from '@app/messaging';
import { NothingToSend, PermanentFailure } from '../delivery-failures/delivery-failures';

/**
 * What a failed request to the members service means for the mail: the member or batch is gone,
 * or the member already activated (nothing to send); the request itself was refused (parked);
 * anything else (no answer, members or its database down) is worth another try later.
 */
export function membersFailure(failure: MembersRpcFailure): Error {
  const { pattern } = failure;
  if (failure.kind === 'timed-out') return new Error(`members did not answer ${pattern} within ${failure.timeoutMs} ms`);
  if (failure.kind === 'unreachable') return new Error(`members could not be asked ${pattern}: ${failure.reason}`);
  const { code, message } = failure.refusal;
  const reason = `members answered ${pattern} with ${code}: ${message}`;
  switch (code) {
    case ErrorCode.NotFound:
    case ErrorCode.AlreadyActive:
      return new NothingToSend(reason);
    case ErrorCode.ValidationFailed:
      return new PermanentFailure(reason);
    default:
      return new Error(reason);
  }
}
