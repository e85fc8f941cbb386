import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the MongoDB and RabbitMQ the integration tests run against, in this order:
 * MONGO_URL/AMQP_URL from the environment; the backends `npm run services:up` started
 * (it writes var/services.env); containers started with testcontainers when a Docker
 * engine answers. Otherwise it stops at once and says what to do.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL && process.env.AMQP_URL) return;

  const servicesEnv = join(__dirname, '../../../var/services.env');
  if (existsSync(servicesEnv)) {
    for (const line of readFileSync(servicesEnv, 'utf8').split('\n')) {
      const match = /^(MONGO_URL|AMQP_URL)=(.+)$/.exec(line.trim());
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
  (globalThis as { rosterContainers?: unknown[] }).rosterContainers = [mongo, rabbit];
}
