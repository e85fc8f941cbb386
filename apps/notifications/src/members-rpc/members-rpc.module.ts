import { Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Queues } from '@app/contracts';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { MEMBERS_RPC_PROXY, MembersRpcClient } from './members-rpc.client';

@Module({
  providers: [
    {
      provide: MEMBERS_RPC_PROXY,
      inject: [NotificationsEnvironment],
      useFactory: (env: NotificationsEnvironment) =>
        ClientProxyFactory.create({
          transport: Transport.RMQ,
          options: { urls: [env.AMQP_URL], queue: Queues.MembersRpc, queueOptions: { durable: true } },
        }),
    },
    MembersRpcClient,
  ],
  exports: [MembersRpcClient],
})
export class MembersRpcModule {}
