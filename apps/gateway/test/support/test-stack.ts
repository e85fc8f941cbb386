import request from 'supertest';
import { loadEnvironment } from '@app/config';
import { Queues } from '@app/contracts';
import { deleteQueues, dropTestDatabase, testAmqpUrl, testMongoUrl } from '@app/testing';
import { startMembersService, type RunningMembersService } from '../../../members/src/bootstrap';
import { MembersEnvironment } from '../../../members/src/config/members.environment';
import { BATCH_WORK_QUEUE } from '../../../members/src/member-batches/batch-work/batch-work.queue';
import { CreateAdminUseCase } from '../../../members/src/organizations/create-admin.usecase';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { GatewayEnvironment } from '../../src/config/gateway.environment';

export const ADMIN_PASSWORD = 'Blue-Harbor-Lamp-42';

export interface SignedInAdmin {
  email: string;
  organizationId: string;
  token: string;
}

/** The gateway and the members service, in this process, on a fresh test database. */
export class TestStack {
  readonly mongoUrl: string;
  readonly amqpUrl = testAmqpUrl();
  gateway!: RunningGateway;
  members?: RunningMembersService;

  constructor(label: string) {
    this.mongoUrl = testMongoUrl(label);
  }

  get sharedEnvironment(): Record<string, string> {
    return { MONGO_URL: this.mongoUrl, AMQP_URL: this.amqpUrl, LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '10000' };
  }

  async start(overrides: { gateway?: Record<string, string>; members?: Record<string, string> } = {}): Promise<this> {
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
    await this.startMembers(overrides.members);
    this.gateway = await startGateway(loadEnvironment(GatewayEnvironment, { ...this.sharedEnvironment, GATEWAY_PORT: '0', ...overrides.gateway }));
    return this;
  }

  async startMembers(overrides: Record<string, string> = {}): Promise<RunningMembersService> {
    this.members = await startMembersService(loadEnvironment(MembersEnvironment, { ...this.sharedEnvironment, ...overrides }));
    return this.members;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    await this.members?.close();
    await dropTestDatabase(this.mongoUrl);
  }

  http() {
    return request(this.gateway.url);
  }

  /** Creates an organization and its admin (as `admin:create` does) and signs in over HTTP. */
  async signInNewAdmin(organization: string, email: string, locale: 'fr' | 'en' = 'en'): Promise<SignedInAdmin> {
    const created = await this.members!.app.get(CreateAdminUseCase).execute({ organization, email, password: ADMIN_PASSWORD, locale });
    const response = await this.http().post('/api/v1/auth/login').send({ email, password: ADMIN_PASSWORD }).expect(200);
    return { email, organizationId: created.organizationId, token: response.body.accessToken };
  }
}
