import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, RmqContext, Server, Transport, type WritePacket } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { throwError } from 'rxjs';
import { ErrorCode, Exchanges, Queues, type RpcErrorPayload } from '@app/contracts';
import { startConsumer } from '../consumer';
import { RabbitConnection } from '../rabbit-connection';
import { encodeMessage, MessageTooLargeError } from '../message-size';

export interface MembersRpcServerOptions {
  amqpUrl: string;
  /** Requests handled at once; the others wait on the broker, not in this process's memory. */
  prefetch: number;
  /** Shown in the RabbitMQ management UI. */
  connectionName: string;
  /**
   * Whether the broker user that sent a request may ask for its pattern. RabbitMQ refuses a
   * message whose `user_id` is not its connection's user, so the id names the sender; a request
   * without one, or from a user this refuses, is answered `unauthorized` and not handled.
   */
  callerMay: (pattern: string, brokerUser: string) => boolean;
}

/**
 * The answer to a request the broker delivers again: an instance died (or its channel closed)
 * while handling it, so part of it may be done and its caller may have given up already. Handling
 * it again could, for instance, issue a second activation link behind a mail already sent; the
 * caller gets this error at once instead, and asks again if it still wants to.
 */
const INTERRUPTED: RpcErrorPayload = {
  code: ErrorCode.ServiceUnavailable,
  message: 'The members service was interrupted while handling this request; try again.',
};

interface RequestPacket {
  id: string;
  pattern: unknown;
  data: unknown;
}

function parseRequest(content: Buffer): RequestPacket | null {
  try {
    const packet = JSON.parse(content.toString('utf8')) as Partial<RequestPacket> | null;
    if (typeof packet !== 'object' || packet === null || typeof packet.id !== 'string' || packet.pattern === undefined) return null;
    return { id: packet.id, pattern: packet.pattern, data: packet.data };
  } catch {
    return null;
  }
}

/**
 * The members service's side of `members.rpc`, as a Nest transport strategy: `@MessagePattern`
 * handlers, pipes and filters work as with Nest's RMQ transport, and `RmqContext` gives them the
 * message. Unlike it, requests are acked by hand once answered, with a bounded prefetch, so a
 * flood of requests waits on the broker instead of piling up in memory; and the consumer is kept
 * by `startConsumer`, so it resumes after the broker closed its channel or deleted its queue.
 */
export class MembersRpcServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('MembersRpc');
  private connection?: RabbitConnection;

  constructor(private readonly options: MembersRpcServerOptions) {
    super();
    this.transportId = Transport.RMQ;
    this.initializeDeserializer({});
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.connection = new RabbitConnection(this.options.amqpUrl, this.options.connectionName, this.log);
      await this.connection.open();
      await startConsumer(
        this.connection,
        {
          queue: Queues.MembersRpc,
          prefetch: this.options.prefetch,
          declare: async (channel) => {
            await channel.assertExchange(Exchanges.Rpc, 'direct', { durable: true });
            await channel.assertQueue(Queues.MembersRpc, { durable: true });
            await channel.bindQueue(Queues.MembersRpc, Exchanges.Rpc, Queues.MembersRpc);
          },
          handle: (message, channel) => this.answer(message, channel),
        },
        this.log,
      );
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }

  on(): never {
    throw new Error('MembersRpcServer emits no events');
  }

  unwrap<T>(): T {
    if (!this.connection) throw new Error('MembersRpcServer is not listening');
    return this.connection as T;
  }

  /** Resolves once the last reply is sent (then the consumer acks); a message that is not a request is dropped. */
  private async answer(message: ConsumeMessage, channel: Channel): Promise<void> {
    const { replyTo, correlationId } = message.properties as { replyTo?: unknown; correlationId?: unknown };
    const packet = parseRequest(message.content);
    if (!packet || typeof replyTo !== 'string' || replyTo === '') {
      throw new Error('not a members RPC request (it needs a JSON body with id and pattern, and a reply-to address)');
    }
    const reply = (out: WritePacket) => this.reply(channel, replyTo, correlationId, out);
    if (message.fields.redelivered) {
      this.log.warn({ message: 'request delivered again after an interruption; refused', pattern: this.getPatternAsString(packet.pattern) });
      reply({ err: INTERRUPTED, isDisposed: true });
      return;
    }
    const pattern = this.getPatternAsString(packet.pattern);
    const { userId } = message.properties as { userId?: unknown };
    if (typeof userId !== 'string' || userId === '' || !this.options.callerMay(pattern, userId)) {
      const sender = typeof userId === 'string' && userId !== '' ? `broker user ${userId}` : 'a request without user_id';
      this.log.warn({ message: 'request refused: its sender may not ask for this', pattern, sender });
      reply({ err: { code: ErrorCode.Unauthorized, message: `The members service does not answer ${pattern} to ${sender}.` } satisfies RpcErrorPayload, isDisposed: true });
      return;
    }
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) {
      reply({ err: { code: ErrorCode.InternalError, message: `The members service does not answer ${pattern}.` } satisfies RpcErrorPayload, isDisposed: true });
      return;
    }
    const context = new RmqContext([message, channel, pattern]);
    await new Promise<void>((resolve) => {
      this.handleRequest(
        context,
        async () => {
          try {
            return this.transformToObservable(await handler(packet.data, context));
          } catch (error) {
            return throwError(() => error);
          }
        },
        (out) => {
          reply(out);
          if (out.isDisposed) resolve();
        },
      );
    });
  }

  /** Answers are bounded where they are built (pages of rows); one over the broker's limit anyway is answered as a failure. */
  private encodeReply(out: WritePacket): Buffer {
    try {
      return encodeMessage(out);
    } catch (error) {
      if (!(error instanceof MessageTooLargeError)) throw error;
      this.log.error({ message: 'answer over the broker message limit replaced by an error', bytes: error.bytes });
      return encodeMessage({ err: { code: ErrorCode.InternalError, message: 'The answer is too large to send.' } satisfies RpcErrorPayload, isDisposed: true });
    }
  }

  private reply(channel: Channel, replyTo: string, correlationId: unknown, out: WritePacket): void {
    try {
      channel.sendToQueue(replyTo, this.encodeReply(out), { correlationId: typeof correlationId === 'string' ? correlationId : undefined });
    } catch {
      // The channel closed meanwhile: the request is redelivered, and refused as interrupted.
    }
  }
}
