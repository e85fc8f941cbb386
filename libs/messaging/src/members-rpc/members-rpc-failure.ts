import { TimeoutError } from 'rxjs';
import { isRpcErrorPayload, type MembersRpcPattern, type RpcErrorPayload } from '@app/contracts';

/**
 * Why a request to the members service got no useful reply: it was refused with a domain error,
 * no reply came in time, or it could not be asked at all. Each app turns this into the error its
 * callers expect (an HTTP answer in the gateway, a delivery verdict in notifications).
 */
export type MembersRpcFailure =
  | { kind: 'refused'; pattern: MembersRpcPattern; refusal: RpcErrorPayload }
  | { kind: 'timed-out'; pattern: MembersRpcPattern; timeoutMs: number }
  | { kind: 'unreachable'; pattern: MembersRpcPattern; reason: string };

export function membersRpcFailure(pattern: MembersRpcPattern, error: unknown, timeoutMs: number): MembersRpcFailure {
  if (error instanceof TimeoutError) return { kind: 'timed-out', pattern, timeoutMs };
  if (isRpcErrorPayload(error)) return { kind: 'refused', pattern, refusal: error };
  return { kind: 'unreachable', pattern, reason: error instanceof Error ? error.message : String(error) };
}
