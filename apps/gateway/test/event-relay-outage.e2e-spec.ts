import { connect } from 'amqplib';
import { Exchanges } from '@app/contracts';
import { eventually, interruptBroker } from '@app/testing';
import { TestStack } from './support/test-stack';

jest.setTimeout(120_000);

const SUBSCRIBER_QUEUE = 'test.outage-subscriber';
const MEMBERS = 1_200;

/** A durable subscriber queue survives the broker restart, so nothing it was given is lost with the test's connection. */
async function drainSubscriberQueue(amqpUrl: string): Promise<string[]> {
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  const ids: string[] = [];
  for (;;) {
    const message = await channel.get(SUBSCRIBER_QUEUE, { noAck: true });
    if (!message) break;
    const body = JSON.parse(message.content.toString('utf8'));
    if (body.type === 'AccountCreated') ids.push(body.id);
  }
  await connection.close();
  return ids;
}

describe('AccountCreated survives a RabbitMQ outage during a commit', () => {
  const stack = new TestStack('relay_outage');

  beforeAll(async () => {
    await stack.start();
    const connection = await connect(stack.amqpUrl);
    const channel = await connection.createChannel();
    await channel.deleteQueue(SUBSCRIBER_QUEUE);
    await channel.assertExchange(Exchanges.Events, 'topic', { durable: true });
    await channel.assertQueue(SUBSCRIBER_QUEUE, { durable: true });
    await channel.bindQueue(SUBSCRIBER_QUEUE, Exchanges.Events, 'member.account.created');
    await connection.close();
  });

  afterAll(async () => {
    const connection = await connect(stack.amqpUrl);
    await (await connection.createChannel()).deleteQueue(SUBSCRIBER_QUEUE);
    await connection.close();
    await stack.stop();
  });

  it('delivers every event once the broker is back, none twice', async () => {
    const admin = await stack.signInNewAdmin('Adatum', 'admin@adatum.example');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const emails = Array.from({ length: MEMBERS }, (_, index) => `member${index}@adatum.example`);
    const batch = (await stack.http().post('/api/v1/member-batches').set(auth).send({ emails }).expect(201)).body;
    expect(batch.counts.valid).toBe(MEMBERS);

    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth).expect(202);
    await interruptBroker(3_000);

    const done = await eventually(async () => {
      const response = await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth);
      return response.body.status === 'completed' ? response.body : undefined;
    }, 60_000, 'the batch to complete after the outage');
    expect(done.counts).toMatchObject({ created: MEMBERS, failed: 0 });

    const received: string[] = [];
    await eventually(async () => {
      received.push(...(await drainSubscriberQueue(stack.amqpUrl)));
      return received.length >= MEMBERS ? true : undefined;
    }, 60_000, `${MEMBERS} AccountCreated events`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    received.push(...(await drainSubscriberQueue(stack.amqpUrl)));
    expect(new Set(received).size).toBe(MEMBERS);
    expect(received).toHaveLength(MEMBERS);
  });
});
