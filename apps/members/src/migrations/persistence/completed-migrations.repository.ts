import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertedOnce } from '@app/persistence';
import { CompletedMigration } from './completed-migration.schema';

@Injectable()
export class CompletedMigrationsRepository {
  constructor(@InjectModel(CompletedMigration.name) private readonly migrations: Model<CompletedMigration>) {}

  async isCompleted(name: string): Promise<boolean> {
    return (await this.migrations.exists({ _id: name })) !== null;
  }

  /** Two instances may finish the same migration: the first record stands. */
  async markCompleted(name: string): Promise<void> {
    await insertedOnce(this.migrations.create({ _id: name, completedAt: new Date() }));
  }
}
