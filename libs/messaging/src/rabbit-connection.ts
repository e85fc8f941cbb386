import type { LoggerService } from '@nestjs/common';
import { connect, type Channel, type ChannelModel, type ConfirmChannel, type RecoveringChannelModel } from 'amqplib';
import { KeptChannel } from './kept-channel';

type ConnectionSetup = (model: ChannelModel) => Promise<void>;

/** First wait before a channel the broker closed is opened again; it doubles on each closure that follows soon after. */
const REOPEN_FIRST_DELAY_MS = 200;
const REOPEN_MAX_DELAY_MS = 30_000;
/** A channel that stayed open this long was healthy: its next closure starts the backoff again. */
const HEALTHY_CHANNEL_MS = 30_000;

/** A channel's setup failed after the channel was opened: closing it already scheduled the next try. */
class ChannelSetupFailed extends Error {
  constructor(channel: string, cause: unknown) {
    super(`setting up channel ${channel} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ChannelSetupFailed';
  }
}

interface ChannelSpec<C extends Channel> {
  name: string;
  confirm: boolean;
  setup: (channel: C) => Promise<void>;
  handle: KeptChannel<C>;
  /** Closures in a row of channels that did not stay open long, for the backoff. */
  closures: number;
}

/**
 * One AMQP connection per service, re-established with backoff after any broker outage.
 * Components register a setup (declare topology, open channels, start consumers) that runs
 * now if connected and again after every reconnection.
 *
 * The broker also closes single channels while the connection stays up: a message over its size
 * limit, a publish to a missing exchange, a consumer that did not ack in time, a declaration that
 * contradicts an existing queue. A channel opened with `keepChannel` is then opened again (with
 * backoff) and set up anew, so a service never stops publishing or consuming until a restart.
 */
export class RabbitConnection {
  private model?: RecoveringChannelModel;
  private current?: ChannelModel;
  private closing = false;
  private readonly setups: ConnectionSetup[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly url: string,
    private readonly connectionName: string,
    private readonly logger: LoggerService,
  ) {}

  /** Resolves once connected; `close()` meanwhile stops the attempts (and rejects this). */
  async open(): Promise<void> {
    this.model = await connect(this.url, {
      clientProperties: { connection_name: this.connectionName },
      recovery: {
        initialDelay: 200,
        maxDelay: 5_000,
        initialMaxRetries: 20,
        waitForConnect: false,
        setup: async (model: ChannelModel) => {
          this.current = model;
          try {
            for (const setup of this.setups) await setup(model);
          } catch (error) {
            // The recovery closes this connection and tries another; none of its channels may be reopened.
            this.current = undefined;
            throw error;
          }
        },
      },
    });
    this.model.on('disconnect', (error: Error) => {
      this.current = undefined;
      this.logger.warn({ message: 'RabbitMQ connection lost, reconnecting', reason: error.message }, 'RabbitConnection');
    });
    this.model.on('connect', () => this.logger.log('RabbitMQ connected', 'RabbitConnection'));
    this.model.on('error', (error: Error) => this.logger.warn({ message: 'RabbitMQ error', reason: error.message }, 'RabbitConnection'));
    if (this.closing) await this.model.close().catch(() => undefined);
    await this.model.waitForConnect();
  }

  /** Runs `setup` on the live connection (if any) and after every reconnection. */
  async onEachConnection(setup: ConnectionSetup): Promise<void> {
    this.setups.push(setup);
    if (this.current) await setup(this.current);
  }

  /**
   * A channel kept open: opened on each connection, and opened again whenever the broker closes
   * it (or `setup` fails) while the connection stays up. `setup` declares, sets the prefetch and
   * starts consuming; the handle gives the channel only once its setup is done. A failed setup on
   * the first connection is thrown, so a service does not start with a broken topology.
   */
  keepChannel(name: string, setup: (channel: Channel) => Promise<void>): Promise<KeptChannel<Channel>> {
    return this.keep<Channel>(name, false, setup);
  }

  /** `keepChannel` for a confirm channel, on which the broker confirms each publish. */
  keepConfirmChannel(name: string, setup: (channel: ConfirmChannel) => Promise<void>): Promise<KeptChannel<ConfirmChannel>> {
    return this.keep<ConfirmChannel>(name, true, setup);
  }

  get isConnected(): boolean {
    return this.current !== undefined;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.current = undefined;
    await this.model?.close().catch(() => undefined);
  }

  private async keep<C extends Channel>(name: string, confirm: boolean, setup: (channel: C) => Promise<void>): Promise<KeptChannel<C>> {
    const spec: ChannelSpec<C> = { name, confirm, setup, handle: new KeptChannel<C>(), closures: 0 };
    let firstConnection = true;
    await this.onEachConnection(async (model) => {
      if (firstConnection) {
        firstConnection = false;
        await this.openChannel(model, spec);
        return;
      }
      // After a reconnection, one channel's failure must not cost the others their connection.
      await this.openChannel(model, spec).catch((error: unknown) => this.reopenFailed(model, spec, error));
    });
    return spec.handle;
  }

  private async openChannel<C extends Channel>(model: ChannelModel, spec: ChannelSpec<C>): Promise<void> {
    const channel = (spec.confirm ? await model.createConfirmChannel() : await model.createChannel()) as C;
    const openedAt = Date.now();
    channel.on('error', (error: Error) => this.logger.warn({ message: 'RabbitMQ closed a channel', channel: spec.name, reason: error.message }, 'RabbitConnection'));
    channel.once('close', () => {
      spec.handle.lost(channel);
      if (Date.now() - openedAt >= HEALTHY_CHANNEL_MS) spec.closures = 0;
      this.scheduleReopen(model, spec);
    });
    try {
      await spec.setup(channel);
    } catch (error) {
      // Closing it schedules the next try (above); the broker may have closed it already.
      await channel.close().catch(() => undefined);
      throw new ChannelSetupFailed(spec.name, error);
    }
    spec.handle.opened(channel);
  }

  private scheduleReopen<C extends Channel>(model: ChannelModel, spec: ChannelSpec<C>): void {
    // A connection that closed takes its channels with it; the connection's recovery opens new ones.
    if (this.closing || this.current !== model) return;
    spec.closures += 1;
    const delayMs = Math.min(REOPEN_MAX_DELAY_MS, REOPEN_FIRST_DELAY_MS * 2 ** (spec.closures - 1));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closing || this.current !== model) return;
      this.openChannel(model, spec).then(
        () => this.logger.log({ message: 'RabbitMQ channel reopened', channel: spec.name }, 'RabbitConnection'),
        (error: unknown) => this.reopenFailed(model, spec, error),
      );
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private reopenFailed<C extends Channel>(model: ChannelModel, spec: ChannelSpec<C>, error: unknown): void {
    this.logger.warn({ message: 'could not open a RabbitMQ channel; trying again', channel: spec.name, reason: (error as Error).message }, 'RabbitConnection');
    // A channel that was opened schedules its next try as it closes; one that could not be opened at all does here.
    if (!(error instanceof ChannelSetupFailed)) this.scheduleReopen(model, spec);
  }
}
