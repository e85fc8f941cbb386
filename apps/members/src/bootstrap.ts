import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { MembersRpcServer } from '@app/messaging';
import { JsonLogger } from '@app/observability';
import type { MembersEnvironment } from './config/members.environment';
import { MembersModule } from './members.module';
import { rpcCallerCheck } from './rpc/rpc-callers';

export interface RunningMembersService {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/** Starts the members service in the role the environment names; used by main.ts and tests. */
export async function startMembersService(env: MembersEnvironment): Promise<RunningMembersService> {
  const logger = new JsonLogger('members', env.LOG_LEVEL);
  const module = MembersModule.register(env);
  if (env.MEMBERS_ROLE === 'worker') {
    const app = await NestFactory.createApplicationContext(module, { logger });
    app.enableShutdownHooks();
    return { app, close: () => app.close() };
  }
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    logger,
    // Acked once answered, MEMBERS_RPC_PREFETCH at a time: a flood of requests waits on the broker.
    strategy: new MembersRpcServer({
      amqpUrl: env.AMQP_URL,
      prefetch: env.MEMBERS_RPC_PREFETCH,
      connectionName: `members-${env.MEMBERS_ROLE}-rpc`,
      callerMay: rpcCallerCheck({ gateway: env.MEMBERS_RPC_GATEWAY_USER, notifications: env.MEMBERS_RPC_NOTIFICATIONS_USER }),
    }),
  });
  app.enableShutdownHooks();
  await app.listen();
  return { app, close: () => app.close() };
}
