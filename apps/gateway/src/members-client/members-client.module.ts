import { Global, Module } from '@nestjs/common';
import { MembersRpcModule } from '@app/messaging';
import { GatewayEnvironment } from '../config/gateway.environment';
import { membersFailure } from './members-failure';

/** `MembersRpcClient` for every feature of the gateway, its failures already HTTP answers. */
@Global()
@Module({
  imports: [
    MembersRpcModule.registerAsync({
      inject: [GatewayEnvironment],
      useFactory: (env: GatewayEnvironment) => ({ amqpUrl: env.AMQP_URL, connectionName: 'gateway', timeoutMs: env.RPC_TIMEOUT_MS, toError: membersFailure }),
    }),
  ],
  exports: [MembersRpcModule],
})
export class MembersClientModule {}
