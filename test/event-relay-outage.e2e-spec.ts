import { connect } from 'amqplib';
import { Exchanges, RoutingKeys } from '@app/contracts';
import { BrokerProbe, eventually, interruptBroker, TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const SUBSCRIBER_QUEUE = 'test.outage-subscriber';
const MEMBERS = 1_200;

interface ReceivedEvent {
  id: string;
  type: string;
  batchId: string;
}

describe('AccountCreated survives a RabbitMQ outage during a commit', () => {
  const stack = new TestStack('relay_outage', rosterApps);

  beforeAll(async () => {
    await stack.start();
    const connection = await connect(stack.amqpUrl);
    const channel = await connection.createChannel();
    await channel.deleteQueue(SUBSCRIBER_QUEUE);
    await channel.assertExchange(Exchanges.Events, 'topic', { durable: true });
    // A durable subscriber queue survives the broker restart, so nothing it was given is lost with the test's connection.
    await channel.assertQueue(SUBSCRIBER_QUEUE, { durable: true });
    await channel.bindQueue(SUBSCRIBER_QUEUE, Exchanges.Events, RoutingKeys.AccountCreated);
    await channel.bindQueue(SUBSCRIBER_QUEUE, Exchanges.Events, RoutingKeys.BatchCompleted);
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
    // Over 500 typed addresses are checked by the import workers: answered at once, ready soon after.
    const accepted = (await stack.http().post('/api/v1/member-batches').set(auth).send({ emails }).expect(202)).body;
    const batch = await eventually(async () => {
      const current = (await stack.http().get(`/api/v1/member-batches/${accepted.id}`).set(auth)).body;
      return current.status === 'ready' ? current : undefined;
    }, 30_000, 'the typed batch ready');
    expect(batch.counts.valid).toBe(MEMBERS);

    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth).expect(202);
    await interruptBroker(3_000);

    const done = await eventually(async () => {
      const response = await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth);
      return response.body.status === 'completed' ? response.body : undefined;
    }, 60_000, 'the batch to complete after the outage');
    expect(done.counts).toMatchObject({ created: MEMBERS, failed: 0 });

    const broker = await BrokerProbe.open(stack.amqpUrl);
    const received: ReceivedEvent[] = [];
    const receivedUntil = (what: string, found: () => boolean) =>
      eventually(async () => {
        for (const message of await broker.take(SUBSCRIBER_QUEUE)) {
          const body = JSON.parse(message.body);
          received.push({ id: body.id, type: body.type, batchId: body.data.batchId });
        }
        return found() ? true : undefined;
      }, 60_000, what);
    const accountsCreated = (batchId: string) => received.filter((event) => event.type === 'AccountCreated' && event.batchId === batchId).map((event) => event.id);
    try {
      await receivedUntil(`${MEMBERS} AccountCreated events`, () => accountsCreated(batch.id).length >= MEMBERS);

      // The relay sends waiting AccountCreated before batch events: once a later batch's BatchCompleted is in, none is still due.
      const marker = await stack.addMembers(admin, ['marker@adatum.example']);
      await receivedUntil("the marker batch's BatchCompleted", () => received.some((event) => event.type === 'BatchCompleted' && event.batchId === marker.batchId));
    } finally {
      await broker.close();
    }
    expect(new Set(accountsCreated(batch.id)).size).toBe(MEMBERS);
    expect(accountsCreated(batch.id)).toHaveLength(MEMBERS);
  });
});
