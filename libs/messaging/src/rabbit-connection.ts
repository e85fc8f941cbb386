import type { LoggerService } from '@nestjs/common';
import { connect, type ChannelModel, type RecoveringChannelModel } from 'amqplib';

type ConnectionSetup = (model: ChannelModel) => Promise<void>;

/**
 * One AMQP connection per service, re-established with backoff after any broker outage.
 * Components register a setup (declare topology, open channels, start consumers) that runs
 * now if connected and again after every reconnection.
 */
export class RabbitConnection {
  private model?: RecoveringChannelModel;
  private current?: ChannelModel;
  private readonly setups: ConnectionSetup[] = [];

  constructor(
    private readonly url: string,
    private readonly connectionName: string,
    private readonly logger: LoggerService,
  ) {}

  async open(): Promise<void> {
    this.model = await connect(this.url, {
      clientProperties: { connection_name: this.connectionName },
      recovery: {
        initialDelay: 200,
        maxDelay: 5_000,
        initialMaxRetries: 20,
        setup: async (model: ChannelModel) => {
          this.current = model;
          for (const setup of this.setups) await setup(model);
        },
      },
    });
    this.model.on('disconnect', (error: Error) => {
      this.current = undefined;
      this.logger.warn({ message: 'RabbitMQ connection lost, reconnecting', reason: error.message }, 'RabbitConnection');
    });
    this.model.on('connect', () => this.logger.log('RabbitMQ connected', 'RabbitConnection'));
    this.model.on('error', (error: Error) => this.logger.warn({ message: 'RabbitMQ error', reason: error.message }, 'RabbitConnection'));
  }

  /** Runs `setup` on the live connection (if any) and after every reconnection. */
  async onEachConnection(setup: ConnectionSetup): Promise<void> {
    this.setups.push(setup);
    if (this.current) await setup(this.current);
  }

  get isConnected(): boolean {
    return this.current !== undefined;
  }

  async close(): Promise<void> {
    this.current = undefined;
    await this.model?.close().catch(() => undefined);
  }
}
