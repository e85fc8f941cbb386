import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { JsonLogger } from '@app/observability';
import { ACTIVATION_FORM_BODY_LIMIT } from './activation/activation-form';
import type { GatewayEnvironment } from './config/gateway.environment';
import { GatewayModule } from './gateway.module';
import { mountApiDocs } from './http/api-document';
import { JSON_BODY_LIMIT_BYTES } from './http/request-body-limits';
import { createValidationPipe } from './http/validation.pipe';

interface RunningGateway {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP gateway; used by main.ts and by tests (port 0 picks a free port). */
export async function startGateway(env: GatewayEnvironment): Promise<RunningGateway> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(env), {
    logger: new JsonLogger('gateway', env.LOG_LEVEL),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
  // HTML forms (activation pages, console) are the only urlencoded bodies the gateway reads; Nest then skips its own, larger, parser.
  app.useBodyParser('urlencoded', { extended: false, limit: ACTIVATION_FORM_BODY_LIMIT, parameterLimit: 20 });
  // Room for the 5,000 addresses an admin may type (about 180 KB); Nest's default is 100 KB.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (env.DOCS_ENABLED) mountApiDocs(app);
  await app.listen(env.GATEWAY_PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.GATEWAY_PORT;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
