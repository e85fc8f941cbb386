import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { testAmqpUrl } from './test-backends';

const run = promisify(execFile);

export interface QueueCounts {
  /** Waiting on the broker, not yet delivered. */
  ready: number;
  /** Delivered to a consumer and not acknowledged yet: held by a service. */
  unacknowledged: number;
  consumers: number;
}

export interface QueueConsumer {
  ackRequired: boolean;
  prefetchCount: number;
}

/** The test broker's virtual host, as `rabbitmqctl -p` names it. */
function testVhost(): string {
  const path = new URL(testAmqpUrl()).pathname;
  return path === '' || path === '/' ? '/' : decodeURIComponent(path.slice(1));
}

type Listing = 'list_queues' | 'list_consumers';

function rabbitmqctlArgs(what: Listing, columns: string[]): string[] {
  return ['-q', what, '-p', testVhost(), ...columns, '--no-table-headers'];
}

function rows(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

async function listOf(what: Listing, columns: string[]): Promise<string[][]> {
  return rows((await run('rabbitmqctl', rabbitmqctlArgs(what, columns), { timeout: 30_000 })).stdout);
}

const QUEUE_COLUMNS = ['name', 'messages_ready', 'messages_unacknowledged', 'consumers'];

function countsOf(queue: string, listing: string[][]): QueueCounts | undefined {
  const row = listing.find(([name]) => name === queue);
  return row && { ready: Number(row[1]), unacknowledged: Number(row[2]), consumers: Number(row[3]) };
}

/**
 * What the broker itself counts for a queue of the test vhost, through `rabbitmqctl` (the local
 * broker that `npm run services:up` started; not one in a container). Each call takes a second or so.
 */
export async function queueCounts(queue: string): Promise<QueueCounts | undefined> {
  return countsOf(queue, await listOf('list_queues', QUEUE_COLUMNS));
}

/**
 * `queueCounts`, blocking this process while the broker answers: the apps running in it handle no
 * message meanwhile, so the counts are a still picture of what they hold and what waits for them.
 */
export function queueCountsWhilePaused(queue: string): QueueCounts | undefined {
  return countsOf(queue, rows(execFileSync('rabbitmqctl', rabbitmqctlArgs('list_queues', QUEUE_COLUMNS), { timeout: 30_000, encoding: 'utf8' })));
}

/** How each consumer of a queue of the test vhost takes its messages: manual acks or not, and its prefetch. */
export async function queueConsumers(queue: string): Promise<QueueConsumer[]> {
  return (await listOf('list_consumers', ['queue_name', 'ack_required', 'prefetch_count']))
    .filter(([name]) => name === queue)
    .map(([, ackRequired, prefetchCount]) => ({ ackRequired: ackRequired === 'true', prefetchCount: Number(prefetchCount) }));
}
