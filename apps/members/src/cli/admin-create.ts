import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { loadEnvironmentOrExit } from '@app/config';
import { isLocale } from '@app/contracts';
import { JsonLogger } from '@app/observability';
import { MembersEnvironment } from '../config/members.environment';
import { CreateAdminUseCase } from '../organizations/create-admin.usecase';
import { DomainError } from '../rpc/domain.error';
import { AdminCliModule } from './admin-cli.module';

const USAGE = "usage: npm run admin:create -- --organization NAME --email EMAIL --password PASSWORD [--locale fr|en]";

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { organization: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, locale: { type: 'string' } },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { organization, email, password, locale } = values;
  if (!organization || !email || !password) fail(`--organization, --email and --password are required\n${USAGE}`);
  if (locale !== undefined && !isLocale(locale)) fail('--locale must be fr or en');

  const env = loadEnvironmentOrExit(MembersEnvironment, 'members');
  const app = await NestFactory.createApplicationContext(AdminCliModule.register(env), { logger: new JsonLogger('members', 'warn') });
  try {
    const result = await app.get(CreateAdminUseCase).execute({ organization, email, password, locale });
    process.stdout.write(`${JSON.stringify({ organizationId: result.organizationId, adminId: result.adminId })}\n`);
  } catch (error) {
    if (error instanceof DomainError) fail(error.message);
    throw error;
  } finally {
    await app.close();
  }
}

void main();
