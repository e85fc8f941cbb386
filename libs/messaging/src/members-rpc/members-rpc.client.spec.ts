import type { ClientProxy } from '@nestjs/microservices';
import { NEVER, of, throwError } from 'rxjs';
import { type BatchRowView, type MemberBatchView, MembersRpc, type Page, type PingReply } from '@app/contracts';
import type { MembersRpcFailure } from './members-rpc-failure';
import { MembersRpcClient } from './members-rpc.client';
import type { MembersRpcProxy } from './members-rpc.proxy';

class FailureSeen extends Error {
  constructor(readonly failure: MembersRpcFailure) {
    super(failure.kind);
  }
}

function clientAnswering(answer: () => ReturnType<ClientProxy['send']>, timeoutMs = 1_000) {
  const proxy = { send: jest.fn(answer), close: jest.fn(async () => undefined) };
  const client = new MembersRpcClient(proxy as unknown as MembersRpcProxy, { amqpUrl: 'amqp://unused', timeoutMs, toError: (failure) => new FailureSeen(failure) });
  return { client, proxy };
}

async function failureOf(promise: Promise<unknown>): Promise<MembersRpcFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof FailureSeen)) throw new Error(`expected a mapped failure, got ${String(error)}`);
  return error.failure;
}

describe('MembersRpcClient', () => {
  const batch = { organizationId: 'b3c1f3a2-5e47-4d59-9c1e-0f7f2f8e6a11', adminId: 'c0f5e0c9-8d5b-4b53-a9e7-3c2a1d9b7f20', batchId: 'e4a7d1f0-2b6c-4f8e-9a3d-5c1b7e9f0a42' };

  it('sends the request under its pattern and resolves to the reply', async () => {
    const pong: PingReply = { service: 'members', role: 'all', time: '2026-01-01T00:00:00.000Z' };
    const { client, proxy } = clientAnswering(() => of(pong));

    await expect(client.send(MembersRpc.Ping, {})).resolves.toEqual(pong);
    expect(proxy.send).toHaveBeenCalledWith('members.ping', {});
  });

  it('hands a refusal of the members service to the app with the pattern', async () => {
    const refusal = { code: 'batch_not_ready', message: 'This batch is still being validated.' };
    const { client } = clientAnswering(() => throwError(() => refusal));

    await expect(failureOf(client.send(MembersRpc.CommitBatch, batch))).resolves.toEqual({ kind: 'refused', pattern: 'batches.commit', refusal });
  });

  it('gives up after the configured time', async () => {
    const { client } = clientAnswering(() => NEVER, 20);

    await expect(failureOf(client.send(MembersRpc.GetBatch, batch))).resolves.toEqual({ kind: 'timed-out', pattern: 'batches.get', timeoutMs: 20 });
  });

  it('gives up sooner when the call asks for less', async () => {
    const { client } = clientAnswering(() => NEVER, 60_000);

    await expect(failureOf(client.send(MembersRpc.Ping, {}, { timeoutMs: 20 }))).resolves.toEqual({ kind: 'timed-out', pattern: 'members.ping', timeoutMs: 20 });
  });

  it('closes the connection when the app shuts down', async () => {
    const { client, proxy } = clientAnswering(() => NEVER);

    await client.onApplicationShutdown();
    expect(proxy.close).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['connected', Promise.resolve(), true, true],
    ['still connecting', new Promise<void>(() => undefined), false, false],
    ['connected, its channel being reopened', Promise.resolve(), false, false],
  ])('tells whether the broker is reachable: %s', async (_, connecting, channelOpen, reachable) => {
    const proxy = { connect: jest.fn(() => connecting), isConnected: channelOpen };
    const client = new MembersRpcClient(proxy as unknown as MembersRpcProxy, { amqpUrl: 'amqp://unused', timeoutMs: 1_000, toError: (failure) => new FailureSeen(failure) });

    await expect(client.brokerReachable(20)).resolves.toBe(reachable);
    expect(proxy.connect).toHaveBeenCalledTimes(1);
  });

  it('types each pattern by its request and reply', () => {
    const { client } = clientAnswering(() => NEVER);
    const typeChecksOnly = (): unknown[] => {
      const committed: Promise<MemberBatchView> = client.send(MembersRpc.CommitBatch, batch);
      // @ts-expect-error a commit answers the batch, not a page of rows
      const rows: Promise<Page<BatchRowView>> = client.send(MembersRpc.CommitBatch, batch);
      // @ts-expect-error a commit names a batch, not a member
      const wrongRequest = client.send(MembersRpc.CommitBatch, { organizationId: batch.organizationId, adminId: batch.adminId, memberId: batch.batchId });
      // @ts-expect-error not a pattern of the members service
      const unknownPattern = client.send('members.unknown', {});
      return [committed, rows, wrongRequest, unknownPattern];
    };
    expect(typeChecksOnly).toBeInstanceOf(Function);
  });
});
