import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEnvironmentOrExit } from '@app/config';
import { isLocale } from '@app/contracts';
import { JsonLogger } from '@app/observability';
import { MembersEnvironment } from '../config/members.environment';
import { CreateAdminUseCase } from '../organizations/create-admin.usecase';
import { DomainError } from '../rpc/domain.error';
import { AdminCliModule } from './admin-cli.module';

const USAGE = 'usage: npm run admin:create -- --organization NAME --email EMAIL [--locale fr|en], then type the password (or pipe it on stdin)';

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(2);
}

/**
 * The password, never from the command line (shell history and `ps` would keep it): typed at a
 * prompt that does not echo it, or the first line of standard input when it is piped.
 */
async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write('Password: ');
  // At a terminal, readline takes the keys itself and echoes them through _writeToOutput: muted.
  const lines = createInterface({ input: process.stdin, output: terminal ? process.stderr : undefined, terminal });
  if (terminal) (lines as unknown as { _writeToOutput: () => void })._writeToOutput = () => undefined;
  for await (const line of lines) {
    lines.close();
    if (terminal) process.stderr.write('\n');
    return line;
  }
  return '';
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
  const { organization, email, locale } = values;
  if (values.password !== undefined) fail(`the password is not taken on the command line, where shell history and ps keep it\n${USAGE}`);
  if (!organization || !email) fail(`--organization and --email are required\n${USAGE}`);
  if (locale !== undefined && !isLocale(locale)) fail('--locale must be fr or en');
  const password = await readPassword();
  if (!password) fail(`no password was typed or piped\n${USAGE}`);

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
