import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { ErrorCode, Queues } from '@app/contracts';
import { type MembersRpcFailure, MembersRpcClient } from '@app/messaging';

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
 * The apps' `MembersRpcClient` on a connection of its own (a `ClientRMQ` on `members.rpc`), for
 * tests that ask the members service directly. A failed request rejects with a MembersRpcRefusal;
 * `onApplicationShutdown()` closes the connection.
 */
export function connectMembersRpc(amqpUrl: string, timeoutMs = 10_000): MembersRpcClient {
  const proxy = ClientProxyFactory.create({ transport: Transport.RMQ, options: { urls: [amqpUrl], queue: Queues.MembersRpc, queueOptions: { durable: true } } });
  return new MembersRpcClient(proxy, { amqpUrl, timeoutMs, toError: (failure) => new MembersRpcRefusal(failure) });
}
