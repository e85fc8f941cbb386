import request from 'supertest';
import { loadEnvironment } from '@app/config';
import { MembersRpc, Queues, type PingReply } from '@app/contracts';
import { deleteQueues, dropTestDatabase, testAmqpUrl, testMongoUrl } from '@app/testing';
import { startMembersService, type RunningMembersService } from '../../members/src/bootstrap';
import { MembersEnvironment } from '../../members/src/config/members.environment';
import { startGateway, type RunningGateway } from '../src/bootstrap';
import { GatewayEnvironment } from '../src/config/gateway.environment';
import { MembersClient } from '../src/members-client/members-client';

describe('gateway health and the members round trip', () => {
  const mongoUrl = testMongoUrl('health');
  const shared = { MONGO_URL: mongoUrl, AMQP_URL: testAmqpUrl(), LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '3000' };
  let gateway: RunningGateway;
  let members: RunningMembersService | undefined;

  beforeAll(async () => {
    await deleteQueues([Queues.MembersRpc]);
    members = await startMembersService(loadEnvironment(MembersEnvironment, shared));
    gateway = await startGateway(loadEnvironment(GatewayEnvironment, { ...shared, GATEWAY_PORT: '0' }));
  });

  afterAll(async () => {
    await gateway?.close();
    await members?.close();
    await dropTestDatabase(mongoUrl);
  });

  it('answers a request from the gateway over RabbitMQ', async () => {
    const reply = await gateway.app.get(MembersClient).send<PingReply>(MembersRpc.Ping, {});
    expect(reply).toMatchObject({ service: 'members', role: 'all' });
    expect(Date.parse(reply.time)).not.toBeNaN();
  });

  it('reports 200 when MongoDB, RabbitMQ and the members service all answer', async () => {
    const response = await request(gateway.url).get('/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.details).sort()).toEqual(['members', 'mongodb', 'rabbitmq']);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document at /docs', async () => {
    const ui = await request(gateway.url).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const document = await request(gateway.url).get('/docs/openapi.json');
    expect(document.body.paths['/health']).toBeDefined();
  });

  it('reports 503 naming the members service once it is stopped', async () => {
    await members?.close();
    members = undefined;
    const response = await request(gateway.url).get('/health');
    expect(response.status).toBe(503);
    const body = response.body;
    expect(body.status).toBe('error');
    expect(Object.keys(body.error)).toEqual(['members']);
    expect(body.info.mongodb.status).toBe('up');
    expect(body.info.rabbitmq.status).toBe('up');
  }, 15_000);
});
