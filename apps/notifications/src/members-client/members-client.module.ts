import { Module } from '@nestjs/common';
import { MembersRpcModule } from '@app/messaging';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { membersFailure } from './members-failure';

/** `MembersRpcClient` for the mail triggers, its failures already delivery verdicts. */
@Module({
  imports: [
    MembersRpcModule.registerAsync({
      inject: [NotificationsEnvironment],
      useFactory: (env: NotificationsEnvironment) => ({ amqpUrl: env.AMQP_URL, connectionName: 'notifications-rpc', timeoutMs: env.RPC_TIMEOUT_MS, toError: membersFailure }),
    }),
  ],
  exports: [MembersRpcModule],
})
export class MembersClientModule {}
