import { ErrorCode } from '@app/contracts';
import { type MembersRpcFailure, MembersRpcClient, MembersRpcProxy } from '@app/messaging';

/** A request the members service answered with an error, or could not answer: its stable `code`, message and details. */
export class MembersRpcRefusal extends Error {
  readonly code: string;
  readonly details?: unknown[];

  constructor(failure: MembersRpcFailure) {
    const refusal =
      failure.kind === 'refused'
        ? failure.refusal
        : { code: ErrorCode.ServiceUnavailable, message: `${failure.pattern}: ${failure.kind === 'timed-out' ? `no reply in ${failure.timeoutMs} ms` : failure.reason}` };
    super(refusal.message);
    this.name = 'MembersRpcRefusal';
    this.code = refusal.code;
    this.details = 'details' in refusal ? refusal.details : undefined;
  }
}

/**
 * The apps' `MembersRpcClient` on a connection of its own (a `MembersRpcProxy` on `members.rpc`), for
 * tests that ask the members service directly. A failed request rejects with a MembersRpcRefusal;
 * `onApplicationShutdown()` closes the connection.
 */
export function connectMembersRpc(amqpUrl: string, timeoutMs = 10_000): MembersRpcClient {
  return new MembersRpcClient(new MembersRpcProxy(amqpUrl, 'test-members-rpc'), { amqpUrl, timeoutMs, toError: (failure) => new MembersRpcRefusal(failure) });
}
