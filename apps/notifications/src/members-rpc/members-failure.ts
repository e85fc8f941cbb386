import { TimeoutError } from 'rxjs';
import { ErrorCode, isRpcErrorPayload } from '@app/contracts';
import { NothingToSend, PermanentFailure } from '../mail-delivery/delivery-failures';

/**
 * What a failed request to the members service means for the mail: the member or batch is gone,
 * or the member already activated (nothing to send); the request itself was refused (parked);
 * anything else (no answer, members or its database down) is worth another try later.
 */
export function membersFailure(pattern: string, error: unknown, timeoutMs: number): Error {
  if (error instanceof TimeoutError) return new Error(`members did not answer ${pattern} within ${timeoutMs} ms`);
  if (!isRpcErrorPayload(error)) return new Error(`members could not be asked ${pattern}: ${error instanceof Error ? error.message : String(error)}`);
  const reason = `members answered ${pattern} with ${error.code}: ${error.message}`;
  switch (error.code) {
    case ErrorCode.NotFound:
    case ErrorCode.AlreadyActive:
      return new NothingToSend(reason);
    case ErrorCode.ValidationFailed:
      return new PermanentFailure(reason);
    default:
      return new Error(reason);
  }
}
