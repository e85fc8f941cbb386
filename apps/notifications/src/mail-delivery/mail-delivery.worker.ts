import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import { RabbitConnection, RejectMessage, startConsumer } from '@app/messaging';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { MailDelivery } from './mail-delivery';
import { declareMailQueue, type MailQueueTopology, mailQueueTopology } from './mail-queue-topology';
import { MAIL_TRIGGERS, type MailTrigger } from './mail-trigger';

/**
 * Mails in flight per queue: enough for their claims, links and records to be written together
 * while the pool's SMTP connections are kept busy.
 */
export const MAIL_PREFETCH = 200;

/**
 * One manual-ack consumer per trigger, on its own durable queue. On shutdown the mails being
 * sent finish and are acked; messages received meanwhile go back to the broker untouched.
 */
@Injectable()
export class MailDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MailDelivery');
  private draining = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly watchedChannels = new WeakSet<Channel>();
  private readonly closedChannels = new WeakSet<Channel>();

  constructor(
    @Inject(MAIL_TRIGGERS) private readonly triggers: MailTrigger[],
    private readonly connection: RabbitConnection,
    private readonly delivery: MailDelivery,
    private readonly env: NotificationsEnvironment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const trigger of this.triggers) {
      const topology = mailQueueTopology(trigger.queue, trigger.binding, this.env.MAIL_RETRY_DELAYS_MS);
      await startConsumer(
        this.connection,
        {
          queue: topology.queue,
          prefetch: MAIL_PREFETCH,
          declare: (channel) => declareMailQueue(channel, topology),
          handle: (message, channel) => this.receive(trigger, topology, message, channel),
        },
        this.logger,
      );
    }
    this.logger.log({ message: 'consuming', queues: this.triggers.map((trigger) => trigger.queue), retryDelaysMs: this.env.MAIL_RETRY_DELAYS_MS });
  }

  /** Runs before the connections close (onApplicationShutdown), so the acks still go through. */
  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    await Promise.all(this.inFlight);
  }

  private receive(trigger: MailTrigger, topology: MailQueueTopology, message: ConsumeMessage, channel: Channel): Promise<void> {
    // Neither acked nor rejected: the broker puts it back in the queue when the connection closes, a moment later.
    if (this.draining) return new Promise<void>(() => undefined);
    this.watch(channel);
    const work = this.delivery.deliver(trigger, topology, message).then(() => {
      // startConsumer acks when this resolves, and an ack on a closed channel throws where nothing
      // catches it; its nack is guarded. The broker redelivers the message either way.
      if (this.closedChannels.has(channel)) throw new RejectMessage('the channel closed while the message was handled', true);
    });
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return work;
  }

  private watch(channel: Channel): void {
    if (this.watchedChannels.has(channel)) return;
    this.watchedChannels.add(channel);
    channel.once('close', () => this.closedChannels.add(channel));
  }
}
