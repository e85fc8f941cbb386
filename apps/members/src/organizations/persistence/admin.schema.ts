import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Locale } from '@app/contracts';

@Schema({ collection: 'admins', versionKey: false })
export class Admin {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  organizationId: string;

  @Prop({ required: true })
  email: string;

  @Prop({ required: true, unique: true })
  emailNormalized: string;

  @Prop({ required: true })
  passwordHash: string;

  @Prop({ type: String, default: null })
  locale: Locale | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ required: true })
  updatedAt: Date;
}

export const AdminSchema = SchemaFactory.createForClass(Admin);
