import { MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

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
    expect(Object.keys(body.error)).toEqual(['members']);
    expect(body.info.mongodb.status).toBe('up');
    expect(body.info.rabbitmq.status).toBe('up');
  }, 15_000);
});
