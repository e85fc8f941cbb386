import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Exchanges, RoutingKeys, type AuditEventMessage } from '@app/contracts';
import { assertAuditExchange, ConfirmedPublisher, PublishFailedError, RabbitConnection } from '@app/messaging';
import { GatewayEnvironment } from '../config/gateway.environment';

/** Between two attempts to reach a broker that could not be reached at all. */
const RECONNECT_DELAY_MS = 5_000;

/**
 * The gateway's own connection for audit events, opened in the background: the gateway starts
 * (and `/health` says the broker is down) even when RabbitMQ cannot be reached, and audit events
 * flow once it can. Publishes on `roster.audit` with confirms; until connected, a publish fails at once.
 */
@Injectable()
export class AuditPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private connection?: RabbitConnection;
  private publisher?: ConfirmedPublisher;
  private closed = false;
  private connecting?: Promise<void>;

  constructor(private readonly env: GatewayEnvironment) {}

  onApplicationBootstrap(): void {
    this.connecting = this.connect();
  }

  async publish(message: AuditEventMessage): Promise<{ routed: boolean }> {
    if (!this.publisher) throw new PublishFailedError('the gateway has not reached RabbitMQ yet');
    return this.publisher.publish(Exchanges.Audit, RoutingKeys.AuditEvent, message, { messageId: message.id, type: 'AuditEvent' });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.connection?.close();
    await this.connecting;
  }

  private async connect(): Promise<void> {
    while (!this.closed) {
      const connection = new RabbitConnection(this.env.AMQP_URL, 'gateway-audit', this.logger);
      this.connection = connection;
      try {
        await connection.open();
        const publisher = new ConfirmedPublisher(connection, assertAuditExchange);
        await publisher.start();
        this.publisher = publisher;
        return;
      } catch (error) {
        await connection.close();
        if (this.closed) return;
        this.logger.warn({ message: 'RabbitMQ not reached for audit events; trying again', reason: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS).unref());
      }
    }
  }
}
