import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, timeout } from 'rxjs';
import { loadEnvironment } from '@app/config';
import { type ActivationDetails, MembersRpc, Queues } from '@app/contracts';
import { type CapturedMail, deleteQueues, eventually, SmtpCapture } from '@app/testing';
import { type SignedInAdmin, TestStack } from '../../../gateway/test/support/test-stack';
import { startNotificationsService, type RunningNotificationsService } from '../../src/bootstrap';
import { NotificationsEnvironment } from '../../src/config/notifications.environment';
import { allNotificationQueues } from '../../src/mail-delivery/notification-queues';

/** Short delays so a whole retry cycle (4 tries) takes under two seconds. */
export const RETRY_DELAYS_MS = [300, 600, 900];
export const CLAIM_LEASE_MS = 2_000;

export interface ParkedMessage {
  body: string;
  headers: Record<string, unknown>;
}

export interface AddedMembers {
  batchId: string;
  /** Member ids by email address. */
  memberIds: Record<string, string>;
  accountNames: Record<string, string>;
}

/** The activation token in a mail's link (the text part holds the link as is). */
export function activationToken(mail: CapturedMail): string {
  const match = /\/activate\?token=([A-Za-z0-9_-]{43})\b/.exec(mail.text);
  if (!match) throw new Error(`no activation link in the mail "${mail.subject}"`);
  return match[1];
}

/**
 * The gateway and the members service (TestStack), the notifications service and an SMTP
 * capture, in this process, on one fresh test database; plus a broker channel to publish and
 * to read the dead queue as another service or an operator would.
 */
export class NotificationsStack {
  readonly stack: TestStack;
  smtp!: SmtpCapture;
  notifications?: RunningNotificationsService;
  private broker?: ChannelModel;
  private channel!: ConfirmChannel;
  private members?: ClientProxy;
  private mongo?: MongoClient;
  /** The notifications service's log lines, parsed; kept off the test output. */
  readonly logs: Record<string, unknown>[] = [];
  private stdout?: jest.SpiedFunction<typeof process.stdout.write>;

  constructor(label: string) {
    this.stack = new TestStack(label);
  }

  async start(): Promise<this> {
    this.captureLogs();
    await deleteQueues(allNotificationQueues(RETRY_DELAYS_MS));
    this.smtp = await SmtpCapture.start();
    await this.stack.start();
    this.broker = await connect(this.stack.amqpUrl);
    this.channel = await this.broker.createConfirmChannel();
    this.members = ClientProxyFactory.create({
      transport: Transport.RMQ,
      options: { urls: [this.stack.amqpUrl], queue: Queues.MembersRpc, queueOptions: { durable: true } },
    });
    this.mongo = await MongoClient.connect(this.stack.mongoUrl);
    await this.startNotifications();
    return this;
  }

  async startNotifications(): Promise<RunningNotificationsService> {
    const env = loadEnvironment(NotificationsEnvironment, {
      ...this.stack.sharedEnvironment,
      SMTP_URL: this.smtp.url,
      MAIL_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
      MAIL_CLAIM_LEASE_MS: String(CLAIM_LEASE_MS),
      RPC_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'log',
    });
    this.notifications = await startNotificationsService(env);
    return this.notifications;
  }

  async stopNotifications(): Promise<void> {
    await this.notifications?.close();
    this.notifications = undefined;
  }

  async stop(): Promise<void> {
    await this.stopNotifications();
    await this.members?.close();
    await this.broker?.close().catch(() => undefined);
    await this.mongo?.close();
    await this.stack.stop();
    await this.smtp?.stop();
    await deleteQueues(allNotificationQueues(RETRY_DELAYS_MS));
    this.stdout?.mockRestore();
  }

  private captureLogs(): void {
    const write = process.stdout.write.bind(process.stdout);
    this.stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const line = String(chunk);
      if (!line.startsWith('{"time"') || !line.includes('"service":"notifications"')) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      this.logs.push(JSON.parse(line));
      return true;
    });
  }

  /** Publishes a persistent message (JSON, or raw bytes) and waits for the broker's confirm. */
  async publish(exchange: string, routingKey: string, body: object | Buffer, messageId: string = randomUUID()): Promise<void> {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    this.channel.publish(exchange, routingKey, content, { persistent: true, contentType: 'application/json', messageId });
    await this.channel.waitForConfirms();
  }

  /** Takes (and removes) every message parked in `notifications.dead` so far. */
  async takeParked(): Promise<ParkedMessage[]> {
    const taken: ParkedMessage[] = [];
    for (;;) {
      const message = await this.channel.get(Queues.NotificationsDead, { noAck: true });
      if (!message) return taken;
      taken.push({ body: message.content.toString('utf8'), headers: message.properties.headers ?? {} });
    }
  }

  /** Messages waiting in a queue right now (not those being handled). */
  async queueDepth(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  /** What the members service says about an activation token, as the activation page would ask. */
  activationDetails(token: string): Promise<ActivationDetails> {
    return firstValueFrom(this.members!.send<ActivationDetails>(MembersRpc.GetActivation, { token }).pipe(timeout(5_000)));
  }

  /** The dedupe record of an event or command. */
  sentNotification(id: string): Promise<Record<string, unknown> | null> {
    return this.mongo!.db().collection<{ _id: string }>('sent_notifications').findOne({ _id: id });
  }

  /** A claim on a mail, as a sender leaves it behind when it dies mid-send. */
  async insertMailClaim(document: { _id: string } & Record<string, unknown>): Promise<void> {
    await this.mongo!.db().collection<{ _id: string }>('mail_claims').insertOne(document);
  }

  /**
   * Adds members the way an admin does through the gateway: a batch of typed addresses, a
   * password on some rows, commit, and waits until the batch is completed.
   */
  async addMembers(admin: SignedInAdmin, emails: string[], passwords: Record<string, string> = {}): Promise<AddedMembers> {
    const http = () => this.stack.http();
    const auth = `Bearer ${admin.token}`;
    const batch = (await http().post('/api/v1/member-batches').set('Authorization', auth).send({ emails }).expect(201)).body;
    for (const row of (batch.rows ?? []) as { id: string; email: string }[]) {
      const password = passwords[row.email];
      if (password) await http().patch(`/api/v1/member-batches/${batch.id}/rows/${row.id}`).set('Authorization', auth).send({ password }).expect(200);
    }
    await http().post(`/api/v1/member-batches/${batch.id}/commit`).set('Authorization', auth).expect(202);
    await eventually(
      async () => ((await http().get(`/api/v1/member-batches/${batch.id}`).set('Authorization', auth)).body.status === 'completed' ? true : undefined),
      20_000,
      `batch ${batch.id} completed`,
    );
    const rows = (await http().get(`/api/v1/member-batches/${batch.id}/rows?status=created&limit=100`).set('Authorization', auth).expect(200)).body.items as {
      email: string;
      memberId: string;
      accountName: string;
    }[];
    return {
      batchId: batch.id,
      memberIds: Object.fromEntries(rows.map((row) => [row.email, row.memberId])),
      accountNames: Object.fromEntries(rows.map((row) => [row.email, row.accountName])),
    };
  }
}
