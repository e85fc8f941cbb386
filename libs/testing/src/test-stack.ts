import { randomBytes } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import request from 'supertest';
import { type BatchRowView, type Locale, type MemberBatchView, type MembersRpcCaller, Queues } from '@app/contracts';
import type { MembersRpcClient } from '@app/messaging';
import { AddedMembers } from './added-members';
import { connectMembersRpc } from './members-rpc-client';
import { ServiceLogs } from './service-logs';
import { SmtpCapture } from './smtp-capture';
import type { RunningApp, RunningHttpApp, StackApps } from './stack-apps';
import { deleteQueues, dropTestDatabase, eventually, serviceAmqpUrl, testAmqpUrl, testMongoUrl } from './test-backends';

export const ADMIN_PASSWORD = 'Blue-Harbor-Lamp-42';

export interface SignedInAdmin {
  email: string;
  organizationId: string;
  token: string;
}

/** Environment variables for each app, over the ones they all share. */
export interface StackOptions {
  gateway?: Record<string, string>;
  members?: Record<string, string>;
  /** Starts the notifications service too, mailing to an SmtpCapture. */
  notifications?: Record<string, string>;
}

/**
 * Roster's apps in this process, on a fresh test database and the test broker: the gateway and
 * the members service, plus the notifications service and an SMTP capture when asked. The apps
 * come from the test (`StackApps`); the stack gives the ways in: HTTP to the gateway, RPC to the
 * members service, the database, the captured mails.
 */
export class TestStack {
  readonly mongoUrl: string;
  readonly amqpUrl = testAmqpUrl();
  gateway!: RunningHttpApp;
  members?: RunningApp;
  notifications?: RunningApp;
  /** Set when the stack runs the notifications service. */
  smtp!: SmtpCapture;
  /** The notifications service's log lines, kept off the test output; set when the stack runs it. */
  notificationLogs!: ServiceLogs;
  private notificationsVariables?: Record<string, string>;
  private mongo?: MongoClient;
  private readonly rpc = new Map<MembersRpcCaller, MembersRpcClient>();
  /** The gateway's signing secret, new for each stack. */
  private readonly jwtSecret = randomBytes(48).toString('base64');

  constructor(
    label: string,
    private readonly apps: StackApps,
  ) {
    this.mongoUrl = testMongoUrl(label);
  }

  /** What every app of the stack is started with; each connects to RabbitMQ as its own user (`StackApps`). */
  get sharedEnvironment(): Record<string, string> {
    // Test files upload many files with one admin in a minute; the upload limit has its own test.
    return { MONGO_URL: this.mongoUrl, LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '10000', JWT_SECRET: this.jwtSecret, IMPORT_UPLOADS_PER_MINUTE: '1000' };
  }

  async start(options: StackOptions = {}): Promise<this> {
    await deleteQueues([Queues.MembersRpc, ...this.apps.queues]);
    if (options.notifications) {
      this.notificationsVariables = options.notifications;
      this.notificationLogs = ServiceLogs.capture('notifications');
      this.smtp = await SmtpCapture.start();
    }
    await this.startMembers(options.members);
    this.gateway = await this.apps.startGateway({ ...this.sharedEnvironment, GATEWAY_PORT: '0', ...options.gateway });
    if (options.notifications) await this.startNotifications();
    return this;
  }

  async startMembers(overrides: Record<string, string> = {}): Promise<RunningApp> {
    this.members = await this.apps.startMembers({ ...this.sharedEnvironment, ...overrides });
    return this.members;
  }

  async startNotifications(): Promise<RunningApp> {
    if (!this.apps.startNotifications || !this.notificationsVariables) throw new Error('start the stack with `notifications` to run the notifications service');
    this.notifications = await this.apps.startNotifications({ ...this.sharedEnvironment, SMTP_URL: this.smtp.url, ...this.notificationsVariables });
    return this.notifications;
  }

  async stopNotifications(): Promise<void> {
    await this.notifications?.close();
    this.notifications = undefined;
  }

  async stop(): Promise<void> {
    await this.stopNotifications();
    await this.gateway?.close();
    await this.members?.close();
    for (const rpc of this.rpc.values()) await rpc.onApplicationShutdown();
    await this.mongo?.close();
    await dropTestDatabase(this.mongoUrl);
    await this.smtp?.stop();
    await deleteQueues(this.apps.queues);
    this.notificationLogs?.restore();
  }

  http() {
    return request(this.gateway.url);
  }

  /**
   * Requests straight to the members service, under the broker user of the gateway (by default)
   * or of the notifications service: it answers each only what that service may ask.
   */
  membersRpc(as: MembersRpcCaller = 'gateway'): MembersRpcClient {
    let rpc = this.rpc.get(as);
    if (!rpc) this.rpc.set(as, (rpc = connectMembersRpc(serviceAmqpUrl(as))));
    return rpc;
  }

  /** The test database, for what no API shows (dedupe records, expiry dates). */
  db(): Db {
    this.mongo ??= new MongoClient(this.mongoUrl);
    return this.mongo.db();
  }

  /** Creates an organization and its admin (as `admin:create` does) and signs in over HTTP. */
  async signInNewAdmin(organization: string, email: string, locale: Locale = 'en'): Promise<SignedInAdmin> {
    const created = await this.apps.createAdmin(this.members!, { organization, email, password: ADMIN_PASSWORD, locale });
    const response = await this.http().post('/api/v1/auth/login').send({ email, password: ADMIN_PASSWORD }).expect(200);
    return { email, organizationId: created.organizationId, token: response.body.accessToken };
  }

  /**
   * Adds members the way an admin does through the gateway: a batch of typed addresses, a
   * password on the rows named in `passwords` (by address), commit; waits until the batch is
   * completed and answers the accounts it created.
   */
  async addMembers(admin: SignedInAdmin, emails: string[], passwords: Record<string, string> = {}): Promise<AddedMembers> {
    const auth = { Authorization: `Bearer ${admin.token}` };
    const created = await this.http().post('/api/v1/member-batches').set(auth).send({ emails });
    if (created.status !== 201 && created.status !== 202) throw new Error(`adding members answered ${created.status}: ${JSON.stringify(created.body)}`);
    // Up to 500 addresses come back ready with their rows; more are checked by the workers first.
    const batch: MemberBatchView = created.body;
    if (batch.status === 'validating') {
      await eventually(
        async () => ((await this.http().get(`/api/v1/member-batches/${batch.id}`).set(auth)).body.status === 'ready' ? true : undefined),
        60_000,
        `batch ${batch.id} ready`,
      );
    }
    if (Object.keys(passwords).length > 0) {
      for (const row of await this.rowsOf(auth, batch.id, 'valid')) {
        const password = passwords[row.email];
        if (password) await this.http().patch(`/api/v1/member-batches/${batch.id}/rows/${row.id}`).set(auth).send({ password }).expect(200);
      }
    }
    await this.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth).expect(202);
    await eventually(
      async () => ((await this.http().get(`/api/v1/member-batches/${batch.id}`).set(auth)).body.status === 'completed' ? true : undefined),
      30_000,
      `batch ${batch.id} completed`,
    );
    return new AddedMembers(
      batch.id,
      (await this.rowsOf(auth, batch.id, 'created')).map((row) => ({ memberId: row.memberId!, organizationId: admin.organizationId, email: row.email, accountName: row.accountName! })),
    );
  }

  private async rowsOf(auth: Record<string, string>, batchId: string, status: 'valid' | 'created'): Promise<BatchRowView[]> {
    const rows: BatchRowView[] = [];
    for (let page = 1; ; page += 1) {
      const answer = (await this.http().get(`/api/v1/member-batches/${batchId}/rows?status=${status}&limit=500&page=${page}`).set(auth).expect(200)).body;
      rows.push(...answer.items);
      if (answer.items.length === 0 || rows.length >= answer.total) return rows;
    }
  }
}
