import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import type { MembersRpcContract } from '@app/contracts';
import { membersRpcFailure } from './members-rpc-failure';
import { MEMBERS_RPC_OPTIONS, type MembersRpcOptions } from './members-rpc.module-definition';
import type { MembersRpcProxy } from './members-rpc.proxy';

export const MEMBERS_RPC_PROXY = Symbol('MEMBERS_RPC_PROXY');

/**
 * Request/response with the members service over its RabbitMQ queue, typed pattern by pattern by
 * `MembersRpcContract`. A request that gets no reply throws what the app's `toError` makes of it.
 */
@Injectable()
export class MembersRpcClient implements OnApplicationShutdown {
  constructor(
    @Inject(MEMBERS_RPC_PROXY) private readonly proxy: MembersRpcProxy,
    @Inject(MEMBERS_RPC_OPTIONS) private readonly options: MembersRpcOptions,
  ) {}

  /**
   * Whether the broker can be reached: the one connection of this client is up with its channel
   * open. Opens it if no request did yet (it is opened once, on first use, and kept), waiting at
   * most `timeoutMs`; no message is sent.
   */
  async brokerReachable(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.proxy.connect().catch(() => undefined), gaveUp]);
    clearTimeout(timer);
    return this.proxy.isConnected;
  }

  async send<P extends keyof MembersRpcContract>(
    pattern: P,
    request: MembersRpcContract[P]['request'],
    { timeoutMs = this.options.timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<MembersRpcContract[P]['reply']> {
    let reply: MembersRpcContract[P]['reply'];
    try {
      reply = await firstValueFrom(this.proxy.send<MembersRpcContract[P]['reply']>(pattern, request).pipe(timeout(timeoutMs)));
    } catch (error) {
      const failure = this.options.toError(membersRpcFailure(pattern, error, timeoutMs));
      this.options.onSettled?.({ pattern, request, error: failure });
      throw failure;
    }
    this.options.onSettled?.({ pattern, request, reply });
    return reply;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
