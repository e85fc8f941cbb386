import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Queues } from '@app/contracts';
import { JsonLogger } from '@app/observability';
import type { MembersEnvironment } from './config/members.environment';
import { MembersModule } from './members.module';

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
    transport: Transport.RMQ,
    options: {
      urls: [env.AMQP_URL],
      queue: Queues.MembersRpc,
      queueOptions: { durable: true },
      // Requests are answered or time out at the gateway; nothing here needs redelivery.
      noAck: true,
      prefetchCount: 50,
    },
  });
  app.enableShutdownHooks();
  await app.listen();
  return { app, close: () => app.close() };
}
