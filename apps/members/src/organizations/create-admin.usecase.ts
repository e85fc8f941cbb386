import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, ErrorCode, type Locale } from '@app/contracts';
import { isValidEmail, normalizeEmail } from '../accounts/email-address';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { PasswordHasher } from '../credentials/password-hasher';
import { isDuplicateKeyError } from '@app/persistence';
import { DomainError } from '../rpc/domain.error';
import { AdminsRepository } from './persistence/admins.repository';
import { OrganizationsRepository } from './persistence/organizations.repository';

interface CreateAdminCommand {
  organization: string;
  email: string;
  password: string;
  locale?: Locale;
}

interface CreateAdminResult {
  organizationId: string;
  adminId: string;
  created: boolean;
}

/**
 * Creates the organization (when new) and its admin. Run again with the same email, it sets the
 * new password (and locale, when given) on the existing admin instead of making a duplicate.
 */
@Injectable()
export class CreateAdminUseCase {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly admins: AdminsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateAdminCommand): Promise<CreateAdminResult> {
    const emailNormalized = normalizeEmail(command.email);
    if (!isValidEmail(emailNormalized)) throw new DomainError(ErrorCode.InvalidEmail, `"${command.email}" is not a valid email address.`);
    if (!command.organization.trim()) throw new DomainError(ErrorCode.ValidationFailed, 'The organization name is required.');
    const weak = checkPasswordPolicy(command.password, { email: emailNormalized });
    if (weak) throw new DomainError(weak.code, weak.message);
    const passwordHash = await this.hasher.hash(command.password);

    const existing = await this.admins.findByEmail(emailNormalized);
    if (existing) return this.update(existing._id, existing.organizationId, passwordHash, command.locale);

    const { organization } = await this.organizations.findOrCreate(command.organization, command.locale ?? DEFAULT_LOCALE);
    if (command.locale && organization.locale !== command.locale) await this.organizations.setLocale(organization._id, command.locale);
    const now = new Date();
    const adminId = randomUUID();
    try {
      await this.admins.insert({
        _id: adminId,
        organizationId: organization._id,
        email: command.email.trim(),
        emailNormalized,
        passwordHash,
        locale: command.locale ?? null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.admins.findByEmail(emailNormalized);
      if (!winner) throw error;
      return this.update(winner._id, winner.organizationId, passwordHash, command.locale);
    }
    return { organizationId: organization._id, adminId, created: true };
  }

  private async update(adminId: string, organizationId: string, passwordHash: string, locale?: Locale): Promise<CreateAdminResult> {
    const current = await this.admins.findById(adminId);
    await this.admins.updateCredentials(adminId, passwordHash, locale ?? current?.locale ?? null);
    if (locale) await this.organizations.setLocale(organizationId, locale);
    return { organizationId, adminId, created: false };
  }
}
