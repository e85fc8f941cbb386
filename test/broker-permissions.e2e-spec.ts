import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type Channel, type ChannelModel, connect, type ConsumeMessage } from 'amqplib';
import { Exchanges, MembersRpc, Queues, RoutingKeys } from '@app/contracts';
import { brokerUserOf } from '@app/messaging';
import { connectMembersRpc, eventually, type MembersRpcRefusal, serviceAmqpUrl, type SignedInAdmin, TestStack } from '@app/testing';
import { batchSettled } from './support/batch-settled';
import { activationToken } from './support/mail-fixtures';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(90_000);

const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/**
 * Runs `use` on a fresh channel of a fresh connection as `url`'s user, and answers `'done'` or the
 * broker's refusal (an operation refused, or the channel closed after a publish it refused).
 */
async function asUser(url: string, use: (channel: Channel) => Promise<unknown>): Promise<string> {
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await use(channel);
    // A refused publish closes the channel; a round trip after it shows the refusal.
    await channel.checkExchange(Exchanges.Events);
    return 'done';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** A raw request on the RPC exchange, as any client could write it; resolves with the reply's `err`, if any. */
async function rawRequest(connection: ChannelModel, pattern: string, data: unknown, properties: { userId?: string }): Promise<unknown> {
  const channel = await connection.createChannel();
  const id = randomUUID();
  const reply = new Promise<ConsumeMessage>((resolve) => {
    void channel.consume(DIRECT_REPLY_TO, (message) => message && resolve(message), { noAck: true });
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  channel.publish(Exchanges.Rpc, Queues.MembersRpc, Buffer.from(JSON.stringify({ id, pattern, data })), { replyTo: DIRECT_REPLY_TO, correlationId: id, ...properties });
  const message = await reply;
  await channel.close();
  return (JSON.parse(message.content.toString('utf8')) as { err?: unknown }).err;
}

const refusal = (request: Promise<unknown>): Promise<MembersRpcRefusal> =>
  request.then(
    (reply) => {
      throw new Error(`the request was answered: ${JSON.stringify(reply)}`);
    },
    (error: MembersRpcRefusal) => error,
  );

describe('the broker users: each service and event subscribers can do what they need and nothing more', () => {
  const stack = new TestStack('broker_permissions', rosterApps);
  const eventsUrl = serviceAmqpUrl('events');
  const subscriberQueue = `subscriber.broker-permissions-${randomUUID().slice(0, 8)}`;
  let admin: SignedInAdmin;
  let subscriber: ChannelModel;
  const received: { queue: string; event: { type: string; data: { email: string } } }[] = [];

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    admin = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    // A subscriber as the README shows it: its own queues, bound to roster.events, read.
    subscriber = await connect(eventsUrl);
    const channel = await subscriber.createChannel();
    await channel.checkExchange(Exchanges.Events);
    const { queue: serverNamed } = await channel.assertQueue('', { exclusive: true });
    await channel.assertQueue(subscriberQueue, { durable: true });
    for (const queue of [serverNamed, subscriberQueue]) {
      await channel.bindQueue(queue, Exchanges.Events, 'member.#');
      await channel.consume(queue, (message) => {
        if (!message) return;
        received.push({ queue: queue === subscriberQueue ? 'named' : 'server-named', event: JSON.parse(message.content.toString('utf8')) });
        channel.ack(message);
      });
    }
  });

  afterAll(async () => {
    if (subscriber) {
      const channel = await subscriber.createChannel();
      await channel.deleteQueue(subscriberQueue);
      await subscriber.close();
    }
    await stack.stop();
  });

  it('runs the whole flow under the services’ own users: upload, commit, events to a subscriber, welcome mails whose links open', async () => {
    const auth = { Authorization: `Bearer ${admin.token}` };
    const csv = 'email;first name;last name\nnadia.haddad@contoso.example;Nadia;Haddad\nomar.benali@contoso.example;Omar;Benali\n';
    const upload = await stack.http().post('/api/v1/member-batches').set(auth).attach('file', Buffer.from(csv), 'members.csv').expect(202);
    await batchSettled(stack, auth, upload.body.id);
    await stack.http().post(`/api/v1/member-batches/${upload.body.id}/commit`).set(auth).expect(202);
    await batchSettled(stack, auth, upload.body.id, 'completed');

    const mails = [];
    for (const address of ['nadia.haddad@contoso.example', 'omar.benali@contoso.example']) {
      mails.push(...(await stack.smtp.waitFor((mail) => mail.to.includes(address), 30_000)));
    }
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const page = await stack.http().get(`/activate?token=${encodeURIComponent(activationToken(mail))}`);
      expect(page.status).toBe(200);
    }
    await eventually(async () => (received.filter(({ event }) => event.type === 'AccountCreated').length === 4 ? true : undefined), 20_000, 'AccountCreated on both subscriber queues');
    expect(received.filter(({ event }) => event.type === 'AccountCreated').map(({ queue, event }) => `${queue} ${event.data.email}`).sort()).toEqual([
      'named nadia.haddad@contoso.example',
      'named omar.benali@contoso.example',
      'server-named nadia.haddad@contoso.example',
      'server-named omar.benali@contoso.example',
    ]);
  });

  it('runs each service of the stack as its own broker user (read from the broker: native backends only)', () => {
    const connections = execFileSync('rabbitmqctl', ['-q', 'list_connections', 'vhost', 'user', 'client_properties', '--no-table-headers'], { encoding: 'utf8', timeout: 30_000 })
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([vhost]) => vhost === '/')
      .map(([, user, properties]) => [/"connection_name","([^"]+)"/.exec(properties ?? '')?.[1], user]);
    const usersOf = (name: string) => [...new Set(connections.filter(([connection]) => connection === name).map(([, user]) => user))];
    expect(usersOf('gateway')).toEqual(['roster-gateway']);
    expect(usersOf('gateway-audit')).toEqual(['roster-gateway']);
    expect(usersOf('members-all')).toEqual(['roster-members']);
    expect(usersOf('members-all-rpc')).toEqual(['roster-members']);
    expect(usersOf('notifications')).toEqual(['roster-notifications']);
    expect(usersOf('notifications-rpc')).toEqual(['roster-notifications']);
  });

  describe('an event subscriber', () => {
    it.each<[string, (channel: Channel) => Promise<unknown>]>([
      ['declare a queue of another name', (channel) => channel.assertQueue(`other-${randomUUID()}`, { autoDelete: true })],
      ['declare roster.events (it may only check that it exists)', (channel) => channel.assertExchange(Exchanges.Events, 'topic', { durable: true })],
      ['read a service’s queue', (channel) => channel.consume(Queues.NotificationsAccountCreated, () => undefined)],
      ['bind a queue of its own to the private commands', async (channel) => channel.bindQueue((await channel.assertQueue('', { exclusive: true })).queue, Exchanges.Commands, RoutingKeys.SendActivationEmail)],
      ['publish an event', async (channel) => channel.publish(Exchanges.Events, RoutingKeys.AccountCreated, Buffer.from('{}'))],
      ['publish to the members RPC exchange', async (channel) => channel.publish(Exchanges.Rpc, Queues.MembersRpc, Buffer.from('{}'), { userId: brokerUserOf(eventsUrl) })],
      ['publish to a queue by name (the default exchange)', async (channel) => channel.sendToQueue(Queues.MembersRpc, Buffer.from('{}'))],
      ['delete a service’s queue', (channel) => channel.deleteQueue(Queues.MembersRpc)],
    ])('may not %s', async (_what, use) => {
      expect(await asUser(eventsUrl, use)).toMatch(/403 \(ACCESS-REFUSED\)/);
    });
  });

  describe('the members service answers each request only from the service that may ask it', () => {
    it('refuses link issuance to the gateway’s user, and issues no link', async () => {
      const [member] = (await stack.addMembers(admin, ['lucie.martin@contoso.example'])).members;
      await stack.smtp.waitFor((mail) => mail.to.includes('lucie.martin@contoso.example'), 20_000);
      const links = () => stack.db().collection('activation_tokens').countDocuments({ memberId: member.memberId });
      const before = await links();
      const gateway = connectMembersRpc(serviceAmqpUrl('gateway'));
      try {
        const refused = await refusal(gateway.send(MembersRpc.IssueActivationLinks, { members: [{ memberId: member.memberId, organizationId: member.organizationId }] }));
        expect(refused).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('roster-gateway') });
        expect(await refusal(gateway.send(MembersRpc.GetBatchSummary, { batchId: randomUUID() } as never))).toMatchObject({ code: 'unauthorized' });
      } finally {
        await gateway.onApplicationShutdown();
      }
      expect(await links()).toBe(before);
      // The same request from the notifications service's user is served.
      await expect(stack.membersRpc('notifications').send(MembersRpc.IssueActivationLinks, { members: [{ memberId: member.memberId, organizationId: member.organizationId }] })).resolves.toMatchObject({ links: [expect.anything()] });
    });

    it('refuses the admin’s requests to the notifications service’s user', async () => {
      expect(await refusal(stack.membersRpc('notifications').send(MembersRpc.ListMembers, { organizationId: admin.organizationId } as never))).toMatchObject({ code: 'unauthorized' });
    });

    it('refuses a request that carries no user_id', async () => {
      const connection = await connect(serviceAmqpUrl('gateway'));
      try {
        expect(await rawRequest(connection, MembersRpc.Ping, {}, {})).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('without user_id') });
        expect(await rawRequest(connection, MembersRpc.Ping, {}, { userId: brokerUserOf(serviceAmqpUrl('gateway')) })).toBeUndefined();
      } finally {
        await connection.close();
      }
    });

    it('never sees a forged user_id: RabbitMQ closes the channel of a gateway claiming to be the notifications service', async () => {
      const outcome = await asUser(serviceAmqpUrl('gateway'), async (channel) =>
        channel.publish(Exchanges.Rpc, Queues.MembersRpc, Buffer.from(JSON.stringify({ id: randomUUID(), pattern: MembersRpc.IssueActivationLinks, data: { members: [] } })), {
          userId: brokerUserOf(serviceAmqpUrl('notifications')),
        }),
      );
      expect(outcome).toMatch(/406 \(PRECONDITION-FAILED\).*user_id property set to 'roster-notifications' but authenticated user was 'roster-gateway'/);
    });

    it('gives the gateway’s user nothing but the RPC and audit exchanges', async () => {
      const gatewayUrl = serviceAmqpUrl('gateway');
      expect(await asUser(gatewayUrl, async (channel) => channel.sendToQueue(Queues.MembersRpc, Buffer.from('{}')))).toMatch(/403 \(ACCESS-REFUSED\)/);
      expect(await asUser(gatewayUrl, async (channel) => channel.publish(Exchanges.Events, RoutingKeys.AccountCreated, Buffer.from('{}')))).toMatch(/403 \(ACCESS-REFUSED\)/);
      expect(await asUser(gatewayUrl, (channel) => channel.consume(Queues.MembersRpc, () => undefined))).toMatch(/403 \(ACCESS-REFUSED\)/);
    });
  });
});
