import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompletedMigration, CompletedMigrationSchema } from './persistence/completed-migration.schema';
import { CompletedMigrationsRepository } from './persistence/completed-migrations.repository';

/** Remembers which data migrations have run; each capability that migrates its data runs its own. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CompletedMigration.name, schema: CompletedMigrationSchema }])],
  providers: [CompletedMigrationsRepository],
  exports: [CompletedMigrationsRepository],
})
export class MigrationsModule {}
