import { Global, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Queues } from '@app/contracts';
import { GatewayEnvironment } from '../config/gateway.environment';
import { MEMBERS_RPC_CLIENT, MembersClient } from './members-client';

@Global()
@Module({
  providers: [
    {
      provide: MEMBERS_RPC_CLIENT,
      inject: [GatewayEnvironment],
      useFactory: (env: GatewayEnvironment) =>
        ClientProxyFactory.create({
          transport: Transport.RMQ,
          options: { urls: [env.AMQP_URL], queue: Queues.MembersRpc, queueOptions: { durable: true } },
        }),
    },
    MembersClient,
  ],
  exports: [MembersClient],
})
export class MembersClientModule {}
