import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import { Lease } from './lease.schema';

/**
 * Exclusive, expiring leases built only on what is race-safe on both MongoDB and FerretDB:
 * a unique insert to take a free lease, and a delete checked by its count to take over an
 * expired one. Only the holder extends its own lease.
 */
@Injectable()
export class LeasesRepository {
  constructor(@InjectModel(Lease.name) private readonly leases: Model<Lease>) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const current = await this.leases.findById(name).lean();
    if (current?.holder === holder) return this.extend(name, holder, ttlMs);
    if (current && current.expiresAt.getTime() > Date.now()) return false;
    if (current) {
      const removed = await this.leases.deleteOne({ _id: name, holder: current.holder, expiresAt: current.expiresAt });
      if (removed.deletedCount !== 1) return false;
    }
    return insertedOnce(this.leases.create({ _id: name, holder, expiresAt: new Date(Date.now() + ttlMs) }));
  }

  async extend(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const result = await this.leases.updateOne({ _id: name, holder }, { $set: { expiresAt: new Date(Date.now() + ttlMs) } });
    return result.matchedCount === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.leases.deleteOne({ _id: name, holder });
  }
}
