import { Injectable } from '@nestjs/common';
import { type AdminCredentials, type AdminIdentity, DEFAULT_LOCALE, ErrorCode } from '@app/contracts';
import { normalizeEmail } from '../accounts/email-address';
import { PasswordHasher } from '../credentials/password-hasher';
import { DomainError } from '../rpc/domain.error';
import { AdminsRepository } from './persistence/admins.repository';
import { OrganizationsRepository } from './persistence/organizations.repository';

/** Checks an admin's credentials; unknown email and wrong password cost the same and answer the same. */
@Injectable()
export class VerifyAdminUseCase {
  constructor(
    private readonly admins: AdminsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(credentials: AdminCredentials): Promise<AdminIdentity> {
    const admin = await this.admins.findByEmail(normalizeEmail(credentials.email));
    const valid = admin
      ? await this.hasher.verify(credentials.password, admin.passwordHash)
      : await this.hasher.verifyAgainstDummy(credentials.password);
    if (!admin || !valid) throw new DomainError(ErrorCode.InvalidCredentials, 'The email or password is wrong.');
    const organization = await this.organizations.findById(admin.organizationId);
    return {
      adminId: admin._id,
      organizationId: admin.organizationId,
      email: admin.email,
      locale: admin.locale ?? organization?.locale ?? DEFAULT_LOCALE,
    };
  }
}
