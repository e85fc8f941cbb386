import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { MembersRpcContract } from '@app/contracts';
import { membersRpcFailure } from './members-rpc-failure';
import { MEMBERS_RPC_OPTIONS, type MembersRpcOptions } from './members-rpc.module-definition';

export const MEMBERS_RPC_PROXY = Symbol('MEMBERS_RPC_PROXY');

/**
 * Request/response with the members service over its RabbitMQ queue, typed pattern by pattern by
 * `MembersRpcContract`. A request that gets no reply throws what the app's `toError` makes of it.
 */
@Injectable()
export class MembersRpcClient implements OnApplicationShutdown {
  constructor(
    @Inject(MEMBERS_RPC_PROXY) private readonly proxy: ClientProxy,
    @Inject(MEMBERS_RPC_OPTIONS) private readonly options: MembersRpcOptions,
  ) {}

  async send<P extends keyof MembersRpcContract>(
    pattern: P,
    request: MembersRpcContract[P]['request'],
    { timeoutMs = this.options.timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<MembersRpcContract[P]['reply']> {
    try {
      return await firstValueFrom(this.proxy.send<MembersRpcContract[P]['reply']>(pattern, request).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.options.toError(membersRpcFailure(pattern, error, timeoutMs));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
