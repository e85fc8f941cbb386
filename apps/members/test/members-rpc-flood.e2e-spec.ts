import { randomUUID } from 'node:crypto';
import { type Channel, type ChannelModel, connect } from 'amqplib';
import { loadEnvironment } from '@app/config';
import { Exchanges, MembersRpc, Queues } from '@app/contracts';
import { brokerUserOf } from '@app/messaging';
import {
  deleteQueues,
  dropTestDatabase,
  eventually,
  type QueueCounts,
  queueConsumers,
  queueCounts,
  queueCountsWhilePaused,
  serviceAmqpUrl,
  testMongoUrl,
} from '@app/testing';
import { type RunningMembersService, startMembersService } from '../src/bootstrap';
import { MembersEnvironment } from '../src/config/members.environment';
import { BATCH_WORK_QUEUE } from '../src/member-batches/batch-work/batch-work.queue';

jest.setTimeout(120_000);

const PREFETCH = 8;
const REQUESTS = 2_000;
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/** Publishes as fast as the socket takes them, as a gateway gone wild would. */
async function flood(channel: Channel, count: number, userId: string): Promise<void> {
  for (let sent = 0; sent < count; sent += 1) {
    const id = randomUUID();
    const request = Buffer.from(JSON.stringify({ id, pattern: MembersRpc.Ping, data: {} }));
    const fits = channel.publish(Exchanges.Rpc, Queues.MembersRpc, request, { replyTo: DIRECT_REPLY_TO, correlationId: id, userId });
    if (!fits) await new Promise((resolve) => channel.once('drain', resolve));
  }
}

describe('the members service under a flood of requests', () => {
  const mongoUrl = testMongoUrl('members_rpc_flood');
  const gatewayUrl = serviceAmqpUrl('gateway');
  let members: RunningMembersService;
  let client: ChannelModel;

  beforeAll(async () => {
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
    members = await startMembersService(
      loadEnvironment(MembersEnvironment, { MONGO_URL: mongoUrl, AMQP_URL: serviceAmqpUrl('members'), LOG_LEVEL: 'warn', MEMBERS_RPC_PREFETCH: String(PREFETCH) }),
    );
    client = await connect(gatewayUrl);
  });

  afterAll(async () => {
    await client?.close().catch(() => undefined);
    await members?.close();
    await dropTestDatabase(mongoUrl);
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
  });

  it('consumes members.rpc with manual acks and the configured prefetch', async () => {
    expect(await queueConsumers(Queues.MembersRpc)).toEqual([{ ackRequired: true, prefetchCount: PREFETCH }]);
  });

  it(`holds at most ${PREFETCH} requests at a time: the rest of the flood waits on the broker, and every request is answered`, async () => {
    const channel = await client.createChannel();
    let replies = 0;
    await channel.consume(DIRECT_REPLY_TO, (message) => {
      if (message && JSON.parse(message.content.toString('utf8')).response?.service === 'members') replies += 1;
    }, { noAck: true });

    await flood(channel, REQUESTS, brokerUserOf(gatewayUrl));
    // Answered once the broker has taken every request before it (one channel keeps its order).
    await channel.checkExchange(Exchanges.Rpc);
    // The service, paused mid-flood, holds its prefetch; the rest waits on the broker. With Nest's
    // default (no acks) the broker would have pushed the whole flood into its memory at once.
    const paused = queueCountsWhilePaused(Queues.MembersRpc)!;
    expect(paused.unacknowledged).toBe(PREFETCH);
    expect(paused.ready).toBeGreaterThan(0);
    expect(paused.ready + paused.unacknowledged + replies).toBeLessThanOrEqual(REQUESTS);

    const samples: QueueCounts[] = [paused];
    while (replies < REQUESTS && samples.length < 100) {
      const counts = await queueCounts(Queues.MembersRpc);
      if (counts) samples.push(counts);
    }
    await eventually(async () => (replies === REQUESTS ? true : undefined), 60_000, `${REQUESTS} replies`);
    expect(Math.max(...samples.map((sample) => sample.unacknowledged))).toBeLessThanOrEqual(PREFETCH);
    expect(await queueCounts(Queues.MembersRpc)).toEqual({ ready: 0, unacknowledged: 0, consumers: 1 });
  });
});
