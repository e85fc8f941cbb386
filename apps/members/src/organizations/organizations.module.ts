import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SignInAttemptsModule } from '../sign-in-attempts/sign-in-attempts.module';
import { AdminAuthController } from './admin-auth.controller';
import { CreateAdminUseCase } from './create-admin.usecase';
import { Admin, AdminSchema } from './persistence/admin.schema';
import { AdminsRepository } from './persistence/admins.repository';
import { Organization, OrganizationSchema } from './persistence/organization.schema';
import { OrganizationsRepository } from './persistence/organizations.repository';
import { VerifyAdminUseCase } from './verify-admin.usecase';

/** Organizations and their admins. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Organization.name, schema: OrganizationSchema },
      { name: Admin.name, schema: AdminSchema },
    ]),
    SignInAttemptsModule,
  ],
  controllers: [AdminAuthController],
  providers: [OrganizationsRepository, AdminsRepository, CreateAdminUseCase, VerifyAdminUseCase],
  exports: [OrganizationsRepository, AdminsRepository, CreateAdminUseCase, VerifyAdminUseCase],
})
export class OrganizationsModule {}
