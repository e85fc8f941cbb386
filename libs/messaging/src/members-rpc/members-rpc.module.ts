import { Module } from '@nestjs/common';
import { MEMBERS_RPC_PROXY, MembersRpcClient } from './members-rpc.client';
import { MembersRpcProxy } from './members-rpc.proxy';
import { ConfigurableMembersRpcModule, MEMBERS_RPC_OPTIONS, type MembersRpcOptions } from './members-rpc.module-definition';

/** Provides `MembersRpcClient`; each app registers it with its own timeout and error mapping. */
@Module({
  providers: [
    {
      provide: MEMBERS_RPC_PROXY,
      inject: [MEMBERS_RPC_OPTIONS],
      useFactory: ({ amqpUrl, connectionName }: MembersRpcOptions) => new MembersRpcProxy(amqpUrl, connectionName ?? 'members-rpc-client'),
    },
    MembersRpcClient,
  ],
  exports: [MembersRpcClient],
})
export class MembersRpcModule extends ConfigurableMembersRpcModule {}
