import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompletedMigration, CompletedMigrationSchema } from './persistence/completed-migration.schema';
import { MigrationQueue } from './migration-queue';
import { CompletedMigrationsRepository } from './persistence/completed-migrations.repository';

/** Remembers which data migrations have run, and runs them one at a time; each capability that migrates its data runs its own. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CompletedMigration.name, schema: CompletedMigrationSchema }])],
  providers: [CompletedMigrationsRepository, MigrationQueue],
  exports: [CompletedMigrationsRepository, MigrationQueue],
})
export class MigrationsModule {}
