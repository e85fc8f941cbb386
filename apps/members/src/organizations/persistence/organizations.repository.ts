import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import type { Locale } from '@app/contracts';
import { isDuplicateKeyError } from '@app/persistence';
import { Organization } from './organization.schema';

function normalizeOrganizationName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectModel(Organization.name) private readonly organizations: Model<Organization>) {}

  /** The organization with this name, created when new; safe when two callers race. */
  async findOrCreate(name: string, locale: Locale): Promise<{ organization: Organization; created: boolean }> {
    const nameNormalized = normalizeOrganizationName(name);
    const existing = await this.organizations.findOne({ nameNormalized }).lean();
    if (existing) return { organization: existing, created: false };
    const organization: Organization = { _id: randomUUID(), name: name.trim(), nameNormalized, locale, createdAt: new Date() };
    try {
      await this.organizations.create(organization);
      return { organization, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.organizations.findOne({ nameNormalized }).lean();
      if (!winner) throw error;
      return { organization: winner, created: false };
    }
  }

  /** Null for null: a personal account has no organization. */
  async findById(id: string | null): Promise<Organization | null> {
    return id === null ? null : this.organizations.findById(id).lean();
  }

  async setLocale(id: string, locale: Locale): Promise<void> {
    await this.organizations.updateOne({ _id: id }, { $set: { locale } });
  }
}
