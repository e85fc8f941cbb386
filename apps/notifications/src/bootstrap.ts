import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@app/observability';
import type { NotificationsEnvironment } from './config/notifications.environment';
import { NotificationsModule } from './notifications.module';

interface RunningNotificationsService {
  app: INestApplicationContext;
  close(): Promise<void>;
}

export async function startNotificationsService(env: NotificationsEnvironment): Promise<RunningNotificationsService> {
  const app = await NestFactory.createApplicationContext(NotificationsModule.register(env), {
    logger: new JsonLogger('notifications', env.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  await app.init();
  return { app, close: () => app.close() };
}
