import { Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Queues } from '@app/contracts';
import { MEMBERS_RPC_PROXY, MembersRpcClient } from './members-rpc.client';
import { ConfigurableMembersRpcModule, MEMBERS_RPC_OPTIONS, type MembersRpcOptions } from './members-rpc.module-definition';

/** Provides `MembersRpcClient`; each app registers it with its own timeout and error mapping. */
@Module({
  providers: [
    {
      provide: MEMBERS_RPC_PROXY,
      inject: [MEMBERS_RPC_OPTIONS],
      useFactory: ({ amqpUrl }: MembersRpcOptions) =>
        ClientProxyFactory.create({
          transport: Transport.RMQ,
          options: { urls: [amqpUrl], queue: Queues.MembersRpc, queueOptions: { durable: true } },
        }),
    },
    MembersRpcClient,
  ],
  exports: [MembersRpcClient],
})
export class MembersRpcModule extends ConfigurableMembersRpcModule {}
