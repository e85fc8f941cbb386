import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountPagesModule } from './account-pages/account-pages.module';
import { ActivationModule } from './activation/activation.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { GatewayEnvironment } from './config/gateway.environment';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { GatewayRoutes } from './http/route-table';
import { MemberAccountModule } from './member-account/member-account.module';
import { MemberBatchesModule } from './member-batches/member-batches.module';
import { MembersClientModule } from './members-client/members-client.module';
import { MembersModule } from './members/members.module';
import { PersonalAccountsModule } from './personal-accounts/personal-accounts.module';
import { PersonalMembershipModule } from './personal-membership/personal-membership.module';

@Module({})
export class GatewayModule implements NestModule {
  static register(env: GatewayEnvironment): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 }),
        DiscoveryModule,
        MembersClientModule,
        HealthModule,
        AuthModule,
        MemberBatchesModule,
        MembersModule,
        MemberAccountModule,
        ActivationModule,
        AuditLogModule,
        PersonalAccountsModule,
        InvitationsModule,
        PersonalMembershipModule,
        AccountPagesModule,
        ConsoleModule,
      ],
      providers: [
        { provide: GatewayEnvironment, useValue: env },
        GatewayRoutes,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [GatewayEnvironment],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
