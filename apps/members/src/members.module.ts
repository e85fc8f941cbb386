import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MembersEnvironment } from './config/members.environment';
import { PingController } from './health/ping.controller';

@Module({})
export class MembersModule {
  static register(env: MembersEnvironment): DynamicModule {
    return {
      module: MembersModule,
      global: true,
      imports: [MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 })],
      controllers: [PingController],
      providers: [{ provide: MembersEnvironment, useValue: env }],
      exports: [MembersEnvironment],
    };
  }
}
