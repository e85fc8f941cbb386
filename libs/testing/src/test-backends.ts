import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';

function required(name: 'MONGO_URL' | 'AMQP_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: integration tests run through jest's globalSetup`);
  return value;
}

/**
 * A fresh database on the test server for one test file. Its name always contains `test`,
 * and the helpers that drop databases refuse any other, so a test can never wipe real data.
 */
export function testMongoUrl(label: string): string {
  const url = new URL(required('MONGO_URL'));
  const name = `roster_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  url.pathname = `/${name}`;
  return url.toString();
}

/** guest's URL: for tests that inspect, tap or delete any queue, as no service may. */
export function testAmqpUrl(): string {
  return required('AMQP_URL');
}

/** The broker users of scripts/rabbitmq-users.tsv: one per service, and event subscribers'. */
export type BrokerUser = 'gateway' | 'members' | 'notifications' | 'events';

const BROKER_USER_URLS = { gateway: 'GATEWAY_AMQP_URL', members: 'MEMBERS_AMQP_URL', notifications: 'NOTIFICATIONS_AMQP_URL', events: 'EVENTS_AMQP_URL' } as const;

/** The URL of a service's own broker user, so that tests run each service with the permissions it has in production. */
export function serviceAmqpUrl(user: BrokerUser): string {
  const value = process.env[BROKER_USER_URLS[user]];
  if (!value) throw new Error(`${BROKER_USER_URLS[user]} is not set: run \`npm run services:up\`, which creates each service's RabbitMQ user and lists their URLs in var/services.env`);
  return value;
}

export async function dropTestDatabase(mongoUrl: string): Promise<void> {
  const client = new MongoClient(mongoUrl);
  try {
    const db = client.db();
    if (!db.databaseName.includes('test')) throw new Error(`refusing to drop ${db.databaseName}: not a test database`);
    await db.dropDatabase();
  } finally {
    await client.close();
  }
}

/** Deletes queues left by earlier test files so no message crosses from one test to another. */
export async function deleteQueues(queues: readonly string[]): Promise<void> {
  const connection = await connect(testAmqpUrl());
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
