import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A data migration that has run to its end, so that no start of the service runs it again. */
@Schema({ collection: 'completed_migrations', versionKey: false })
export class CompletedMigration {
  /** The migration's name. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  completedAt: Date;
}

export const CompletedMigrationSchema = SchemaFactory.createForClass(CompletedMigration);
