import { Injectable } from '@nestjs/common';
import { type AdminCredentials, type AdminIdentity, DEFAULT_LOCALE, ErrorCode } from '@app/contracts';
import { normalizeEmail } from '../accounts/email-address';
import { PasswordHasher } from '../credentials/password-hasher';
import { DomainError } from '../rpc/domain.error';
import { SignInLockout, signInAccountKey } from '../sign-in-attempts/sign-in-lockout';
import { AdminsRepository } from './persistence/admins.repository';
import { OrganizationsRepository } from './persistence/organizations.repository';

/**
 * Checks an admin's credentials; unknown email and wrong password cost the same and answer the same,
 * and each check first reserves one of the account's attempts (429 once they are spent).
 */
@Injectable()
export class VerifyAdminUseCase {
  constructor(
    private readonly admins: AdminsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: SignInLockout,
  ) {}

  async execute(credentials: AdminCredentials): Promise<AdminIdentity> {
    const email = normalizeEmail(credentials.email);
    const admin = await this.admins.findByEmail(email);
    const attempt = await this.lockout.reserve(signInAccountKey('admin', admin?._id ?? null, email));
    const valid = admin
      ? await this.hasher.verify(credentials.password, admin.passwordHash)
      : await this.hasher.verifyAgainstDummy(credentials.password);
    if (!admin || !valid) throw new DomainError(ErrorCode.InvalidCredentials, 'The email or password is wrong.');
    await this.lockout.release(attempt);
    const organization = await this.organizations.findById(admin.organizationId);
    return {
      adminId: admin._id,
      organizationId: admin.organizationId,
      email: admin.email,
      locale: admin.locale ?? organization?.locale ?? DEFAULT_LOCALE,
    };
  }
}
