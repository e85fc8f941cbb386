import { Global, Module } from '@nestjs/common';
import { MembersRpcModule } from '@app/messaging';
import { AuditTrail } from '../audit-log/audit-trail';
import { AuditTrailModule } from '../audit-log/audit-trail.module';
import { GatewayEnvironment } from '../config/gateway.environment';
import { membersFailure } from './members-failure';

/** `MembersRpcClient` for every feature of the gateway, its failures already HTTP answers, its admin actions and security events audited. */
@Global()
@Module({
  imports: [
    MembersRpcModule.registerAsync({
      imports: [AuditTrailModule],
      inject: [GatewayEnvironment, AuditTrail],
      useFactory: (env: GatewayEnvironment, audit: AuditTrail) => ({
        amqpUrl: env.AMQP_URL,
        connectionName: 'gateway',
        timeoutMs: env.RPC_TIMEOUT_MS,
        toError: membersFailure,
        // Every admin action and security event is a request to the members service: audited here, from the API and the console alike.
        onSettled: (settled) => audit.observe(settled),
      }),
    }),
  ],
  exports: [MembersRpcModule],
})
export class MembersClientModule {}
