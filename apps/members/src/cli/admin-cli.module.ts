import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { MembersEnvironment } from '../config/members.environment';
import { CredentialsModule } from '../credentials/credentials.module';
import { OrganizationsModule } from '../organizations/organizations.module';

/** Just what `admin:create` needs: the database and organizations, no broker. */
@Module({})
export class AdminCliModule {
  static register(env: MembersEnvironment): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 }), CredentialsModule, OrganizationsModule],
    };
  }
}
