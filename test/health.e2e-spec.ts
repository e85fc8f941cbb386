import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { TestStack } from '@app/testing';
import { HEALTH_CHECKS_PER_MINUTE } from '../apps/gateway/src/health/health.controller';
import { rosterApps } from './support/roster-apps';

/** The ports of every TCP connection this process opens while `work` runs. */
async function connectionsOpenedDuring(work: () => Promise<void>): Promise<number[]> {
  const ports: number[] = [];
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.once('connect', () => ports.push(socket.remotePort ?? -1));
  };
  subscribe('net.client.socket', onSocket);
  try {
    await work();
  } finally {
    unsubscribe('net.client.socket', onSocket);
  }
  return ports;
}

describe('gateway health and the members round trip', () => {
  const stack = new TestStack('health', rosterApps);

  beforeAll(async () => {
    await stack.start({ gateway: { RPC_TIMEOUT_MS: '3000' }, members: { RPC_TIMEOUT_MS: '3000' } });
  });

  afterAll(() => stack.stop());

  it('answers a request from the gateway over RabbitMQ', async () => {
    const reply = await stack.gateway.app.get(MembersRpcClient).send(MembersRpc.Ping, {});
    expect(reply).toMatchObject({ service: 'members', role: 'all' });
    expect(Date.parse(reply.time)).not.toBeNaN();
  });

  it('reports 200 when MongoDB, RabbitMQ and the members service all answer', async () => {
    const response = await stack.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.details).sort()).toEqual(['members', 'mongodb', 'rabbitmq']);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks through the connections the gateway holds: no new connection to RabbitMQ or MongoDB per check', async () => {
    await stack.http().get('/health').expect(200);
    const backendPorts = [Number(new URL(stack.amqpUrl).port || 5672), Number(new URL(stack.mongoUrl).port || 27017)];

    const opened = await connectionsOpenedDuring(async () => {
      for (let check = 0; check < 10; check += 1) await stack.http().get('/health').expect(200);
    });

    expect(opened.filter((port) => backendPorts.includes(port))).toEqual([]);
  });

  it(`answers 429 too_many_attempts past ${HEALTH_CHECKS_PER_MINUTE} checks a minute from one address`, async () => {
    // Counted per address in the database every gateway shares: one address of its own (through
    // the local proxy the gateway trusts) leaves the other tests' address alone.
    const monitor = { 'x-forwarded-for': '203.0.113.7' };
    const limited = await rosterApps.startGateway({ ...stack.sharedEnvironment, GATEWAY_PORT: '0' });
    try {
      // The limit counts fixed one-minute windows: start where every check falls in the same one.
      const intoWindow = Date.now() % 60_000;
      if (intoWindow > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
      const statuses: number[] = [];
      let refusal: unknown;
      for (let check = 0; check < HEALTH_CHECKS_PER_MINUTE + 5; check += 1) {
        const response = await fetch(`${limited.url}/health`, { headers: monitor });
        statuses.push(response.status);
        if (response.status === 429) refusal = await response.json();
        else await response.arrayBuffer();
      }
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(HEALTH_CHECKS_PER_MINUTE);
      expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
      expect(refusal).toMatchObject({ statusCode: 429, code: ErrorCode.TooManyAttempts });
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('reports a broker it cannot reach as down, without the error text', async () => {
    const cut = await rosterApps.startGateway({ ...stack.sharedEnvironment, GATEWAY_PORT: '0', AMQP_URL: 'amqp://guest:guest@127.0.0.1:1', RPC_TIMEOUT_MS: '1000' });
    try {
      const response = await fetch(`${cut.url}/health`);
      const body = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(body)).toMatchObject({ status: 'error', error: { rabbitmq: { status: 'down' }, members: { status: 'down' } }, info: { mongodb: { status: 'up' } } });
      expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect|message/i);
    } finally {
      await cut.close();
    }
  }, 20_000);

  it('serves the OpenAPI document at /docs', async () => {
    const ui = await stack.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const document = await stack.http().get('/docs/openapi.json');
    expect(document.body.paths['/health']).toBeDefined();
  });

  it('hides the documentation when DOCS_ENABLED=false', async () => {
    const hidden = await rosterApps.startGateway({ ...stack.sharedEnvironment, GATEWAY_PORT: '0', DOCS_ENABLED: 'false' });
    try {
      const [ui, document] = await Promise.all([fetch(`${hidden.url}/docs`), fetch(`${hidden.url}/docs/openapi.json`)]);
      expect([ui.status, document.status]).toEqual([404, 404]);
      expect((await fetch(`${hidden.url}/health`)).status).toBe(200);
    } finally {
      await hidden.close();
    }
  });

  it('reports 503 naming the members service once it is stopped', async () => {
    await stack.members?.close();
    stack.members = undefined;
    const response = await stack.http().get('/health');
    expect(response.status).toBe(503);
    const body = response.body;
    expect(body.status).toBe('error');
    expect(body.error).toEqual({ members: { status: 'down' } });
    expect(body.details.members).toEqual({ status: 'down' });
    expect(body.info.mongodb.status).toBe('up');
    expect(body.info.rabbitmq.status).toBe('up');
  }, 15_000);
});
