import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { RabbitMqModule } from '@app/messaging';
import { AccountsModule } from './accounts/accounts.module';
import { ActivationModule } from './activation/activation.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { MembersEnvironment } from './config/members.environment';
import { CredentialsModule } from './credentials/credentials.module';
import { EventsModule } from './events/events.module';
import { PingController } from './health/ping.controller';
import { AccountCreatedOutbox } from './member-batches/account-created/account-created.outbox';
import { BatchEventsOutbox } from './member-batches/batch-events.outbox';
import { InvitationsModule } from './invitations/invitations.module';
import { MemberBatchesModule } from './member-batches/member-batches.module';
import { MemberEventsModule } from './member-lifecycle/member-events/member-events.module';
import { MemberEventsOutbox } from './member-lifecycle/member-events/member-events.outbox';
import { MemberLifecycleModule } from './member-lifecycle/member-lifecycle.module';
import { MemberListModule } from './member-list/member-list.module';
import { MemberSignInModule } from './member-sign-in/member-sign-in.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PersistenceModule } from './persistence/persistence.module';
import { PersonalAccountsModule } from './personal-accounts/personal-accounts.module';
import { RpcErrorFilter } from './rpc/rpc-error.filter';
import { createRpcValidationPipe } from './rpc/rpc-validation.pipe';

@Module({})
export class MembersModule {
  static register(env: MembersEnvironment): DynamicModule {
    return {
      module: MembersModule,
      global: true,
      imports: [
        MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 }),
        RabbitMqModule.forRoot({ url: env.AMQP_URL, connectionName: `members-${env.MEMBERS_ROLE}` }),
        PersistenceModule,
        CredentialsModule,
        OrganizationsModule,
        AccountsModule,
        MemberBatchesModule,
        MemberListModule,
        MemberLifecycleModule,
        InvitationsModule,
        EventsModule.relaying([MemberBatchesModule, MemberEventsModule], [AccountCreatedOutbox, BatchEventsOutbox, MemberEventsOutbox]),
        ActivationModule,
        MemberSignInModule,
        AuditLogModule,
        PersonalAccountsModule,
      ],
      controllers: [PingController],
      providers: [
        { provide: MembersEnvironment, useValue: env },
        { provide: APP_FILTER, useClass: RpcErrorFilter },
        { provide: APP_PIPE, useFactory: createRpcValidationPipe },
      ],
      exports: [MembersEnvironment],
    };
  }
}
