import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfirmedPublisher } from './confirmed-publisher';
import { RabbitConnection } from './rabbit-connection';

interface RabbitMqModuleOptions {
  url: string;
  /** Shown in the RabbitMQ management UI, e.g. `members`. */
  connectionName: string;
}

@Injectable()
class RabbitConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(RabbitConnection) private readonly connection: RabbitConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** One recovering AMQP connection and one confirmed publisher for the whole service. */
@Module({})
export class RabbitMqModule {
  static forRoot(options: RabbitMqModuleOptions): DynamicModule {
    return {
      module: RabbitMqModule,
      global: true,
      providers: [
        {
          provide: RabbitConnection,
          useFactory: async () => {
            const connection = new RabbitConnection(options.url, options.connectionName, new Logger('RabbitMQ'));
            await connection.open();
            return connection;
          },
        },
        {
          provide: ConfirmedPublisher,
          inject: [RabbitConnection],
          useFactory: async (connection: RabbitConnection) => {
            const publisher = new ConfirmedPublisher(connection);
            await publisher.start();
            return publisher;
          },
        },
        RabbitConnectionCloser,
      ],
      exports: [RabbitConnection, ConfirmedPublisher],
    };
  }
}
