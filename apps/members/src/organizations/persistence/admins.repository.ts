import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Admin } from './admin.schema';

@Injectable()
export class AdminsRepository {
  constructor(@InjectModel(Admin.name) private readonly admins: Model<Admin>) {}

  findByEmail(emailNormalized: string): Promise<Admin | null> {
    return this.admins.findOne({ emailNormalized }).lean();
  }

  findById(id: string): Promise<Admin | null> {
    return this.admins.findById(id).lean();
  }

  /** Inserts; a duplicate email surfaces as a duplicate-key error for the caller to resolve. */
  async insert(admin: Admin): Promise<void> {
    await this.admins.create(admin);
  }

  async updateCredentials(id: string, passwordHash: string, locale: Admin['locale']): Promise<void> {
    await this.admins.updateOne({ _id: id }, { $set: { passwordHash, locale, updatedAt: new Date() } });
  }
}
