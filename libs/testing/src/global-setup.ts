import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each service's own broker user (scripts/rabbitmq-users.tsv), besides guest's AMQP_URL. */
const BROKER_USER_URLS = ['GATEWAY_AMQP_URL', 'MEMBERS_AMQP_URL', 'NOTIFICATIONS_AMQP_URL', 'EVENTS_AMQP_URL'];

/**
 * Finds the MongoDB and RabbitMQ the integration tests run against, in this order:
 * MONGO_URL/AMQP_URL (and the services' GATEWAY_AMQP_URL…) from the environment; the backends
 * `npm run services:up` started (it writes var/services.env); containers started with
 * testcontainers when a Docker engine answers, with the services' broker users added. Otherwise
 * it stops at once and says what to do.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL && process.env.AMQP_URL && BROKER_USER_URLS.every((name) => process.env[name])) return;

  const servicesEnv = join(__dirname, '../../../var/services.env');
  if (existsSync(servicesEnv)) {
    for (const line of readFileSync(servicesEnv, 'utf8').split('\n')) {
      const match = /^([A-Z_]*AMQP_URL|MONGO_URL)=(.+)$/.exec(line.trim());
      if (match && !process.env[match[1]]) process.env[match[1]] = match[2];
    }
    return;
  }

  if (await dockerAnswers()) {
    await startContainers();
    return;
  }

  throw new Error(
    'Integration tests need MongoDB and RabbitMQ: run `npm run services:up` first ' +
      '(or set MONGO_URL and AMQP_URL, or start a Docker engine for testcontainers).',
  );
}

async function dockerAnswers(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<void> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const { RabbitMQContainer } = await import('@testcontainers/rabbitmq');
  const [mongo, rabbit] = await Promise.all([
    new MongoDBContainer('mongo:8').start(),
    new RabbitMQContainer('rabbitmq:4-management').start(),
  ]);
  // The replica set advertises its container host name; a direct connection avoids it.
  process.env.MONGO_URL = `${mongo.getConnectionString().replace(/\/?(\?.*)?$/, '')}/roster?directConnection=true`;
  process.env.AMQP_URL = rabbit.getAmqpUrl();
  const { host, port } = new URL(process.env.AMQP_URL);
  for (const line of readFileSync(join(__dirname, '../../../scripts/rabbitmq-users.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [user, , configure, write, read] = line.split('\t');
    const password = randomBytes(18).toString('hex');
    for (const command of [['add_user', user, password], ['set_permissions', '-p', '/', user, configure, write, read]]) {
      const result = await rabbit.exec(['rabbitmqctl', '-q', ...command]);
      if (result.exitCode !== 0) throw new Error(`rabbitmqctl ${command[0]} ${user} failed in the container: ${result.output}`);
    }
    process.env[`${user.replace(/^roster-/, '').toUpperCase()}_AMQP_URL`] = `amqp://${user}:${password}@${host}:${port}`;
  }
  (globalThis as { rosterContainers?: unknown[] }).rosterContainers = [mongo, rabbit];
}
