import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { JsonLogger } from '@app/observability';
import { ACTIVATION_FORM_BODY_LIMIT } from './activation/activation-form';
import type { GatewayEnvironment } from './config/gateway.environment';
import { GatewayModule } from './gateway.module';
import { createValidationPipe } from './http/validation.pipe';

interface RunningGateway {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Roster')
    .setDescription('Member provisioning for company accounts. Every error has the shape {statusCode, code, message, details?}.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs/openapi.json' });
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
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (env.DOCS_ENABLED) mountApiDocs(app);
  await app.listen(env.GATEWAY_PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.GATEWAY_PORT;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
