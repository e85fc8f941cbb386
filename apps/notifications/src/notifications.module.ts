import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationsEnvironment } from './config/notifications.environment';

@Module({})
export class NotificationsModule {
  static register(env: NotificationsEnvironment): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 })],
      providers: [{ provide: NotificationsEnvironment, useValue: env }],
      exports: [NotificationsEnvironment],
    };
  }
}
