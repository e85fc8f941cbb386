import { Logger } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { Exchanges, Queues } from '@app/contracts';
import type { KeptChannel } from '../kept-channel';
import { RabbitConnection } from '../rabbit-connection';

/** RabbitMQ's direct reply-to: replies come back on the channel that sent the request, without a queue. */
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/** How long a request waits for a channel the broker just closed to be opened again. */
const REOPEN_WAIT_MS = 2_000;

/**
 * The broker user of an AMQP URL (amqplib's default when it names none). Every request carries it
 * as `user_id`, which RabbitMQ checks against the connection's user, so the members service knows
 * which service asked.
 */
export function brokerUserOf(amqpUrl: string): string {
  const user = new URL(amqpUrl).username;
  return user === '' ? 'guest' : decodeURIComponent(user);
}

type Callback = (packet: WritePacket) => void;

interface PendingRequest {
  channel: Channel;
  callback: Callback;
}

/**
 * The `ClientProxy` behind `MembersRpcClient`: requests to `members.rpc` and their replies on one
 * channel kept open by `RabbitConnection` (a new one after the broker closed it, or after a
 * reconnection). A reply can only come back on the channel that sent its request, so when that
 * channel closes its waiting requests fail at once instead of timing out; a request published
 * while no members service queue exists comes back unroutable and fails at once too.
 */
export class MembersRpcProxy extends ClientProxy {
  private readonly logger = new Logger('MembersRpcClient');
  private connection?: RabbitConnection;
  private channel?: KeptChannel<Channel>;
  private connecting?: Promise<void>;
  private closed = false;
  private readonly pending = new Map<string, PendingRequest>();
  private readonly userId: string;

  constructor(
    private readonly amqpUrl: string,
    private readonly connectionName: string,
  ) {
    super();
    this.userId = brokerUserOf(amqpUrl);
    this.initializeSerializer({});
    this.initializeDeserializer({});
  }

  /** True while connected with a channel ready to send requests: the broker is reachable. */
  get isConnected(): boolean {
    return this.connection?.isConnected === true && this.channel?.current !== undefined;
  }

  /** Opens the connection on the first call (the first request); later calls share it. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the connection to RabbitMQ was closed'));
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    this.connecting = undefined;
    this.failPending(() => true, 'the connection to RabbitMQ was closed');
    await connection?.close();
  }

  unwrap<T>(): T {
    if (!this.connection) throw new Error('MembersRpcProxy is not connected');
    return this.connection as T;
  }

  protected publish(packet: ReadPacket, callback: Callback): () => void {
    const request = this.assignPacketId(packet);
    let cancelled = false;
    void this.sendRequest(request, callback, () => cancelled);
    return () => {
      cancelled = true;
      this.pending.delete(request.id);
    };
  }

  protected dispatchEvent<T = unknown>(): Promise<T> {
    return Promise.reject(new Error('members.rpc takes requests only'));
  }

  private async open(): Promise<void> {
    const connection = new RabbitConnection(this.amqpUrl, this.connectionName, this.logger);
    this.connection = connection;
    await connection.open();
    this.channel = await connection.keepChannel('members rpc requests', async (channel) => {
      channel.on('return', (returned: ConsumeMessage) =>
        this.settle(String(returned.properties.correlationId), { err: new Error('no members service queue to take the request'), isDisposed: true }),
      );
      channel.once('close', () => this.failPending((request) => request.channel === channel, 'the channel to RabbitMQ closed before the reply came'));
      // Declared by the members service too; declaring it here lets a request find no queue
      // (and come back at once) rather than a missing exchange, which would close the channel.
      await channel.assertExchange(Exchanges.Rpc, 'direct', { durable: true });
      await channel.consume(DIRECT_REPLY_TO, (message) => message && this.receive(message), { noAck: true });
    });
  }

  private async sendRequest(request: ReadPacket & { id: string }, callback: Callback, cancelled: () => boolean): Promise<void> {
    const channel = this.channel?.current ?? (this.connection?.isConnected ? await this.channel?.ready(REOPEN_WAIT_MS) : undefined);
    if (cancelled()) return;
    if (!channel) {
      callback({ err: new Error('RabbitMQ is not connected'), isDisposed: true });
      return;
    }
    this.pending.set(request.id, { channel, callback });
    try {
      channel.publish(Exchanges.Rpc, Queues.MembersRpc, Buffer.from(JSON.stringify(this.serializer.serialize(request))), {
        replyTo: DIRECT_REPLY_TO,
        userId: this.userId,
        correlationId: request.id,
        contentType: 'application/json',
        mandatory: true,
      });
    } catch (error) {
      this.settle(request.id, { err: error, isDisposed: true });
    }
  }

  private receive(message: ConsumeMessage): void {
    let packet: unknown;
    try {
      packet = JSON.parse(message.content.toString('utf8'));
    } catch {
      packet = { err: new Error('the members service sent a reply that is not JSON'), isDisposed: true };
    }
    const { err, response, isDisposed } = this.deserializer.deserialize(packet) as WritePacket;
    this.settle(String(message.properties.correlationId), { err, response, isDisposed: isDisposed || Boolean(err) });
  }

  private settle(id: string, packet: WritePacket): void {
    const request = this.pending.get(id);
    if (!request) return;
    if (packet.isDisposed) this.pending.delete(id);
    request.callback(packet);
  }

  private failPending(which: (request: PendingRequest) => boolean, reason: string): void {
    for (const [id, request] of this.pending) {
      if (which(request)) this.settle(id, { err: new Error(reason), isDisposed: true });
    }
  }
}
