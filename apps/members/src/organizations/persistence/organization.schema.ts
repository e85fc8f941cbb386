import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Locale } from '@app/contracts';

@Schema({ collection: 'organizations', versionKey: false })
export class Organization {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  name: string;

  /** Case- and space-insensitive name: one organization per name. */
  @Prop({ required: true, unique: true })
  nameNormalized: string;

  @Prop({ type: String, required: true })
  locale: Locale;

  @Prop({ required: true })
  createdAt: Date;
}

export const OrganizationSchema = SchemaFactory.createForClass(Organization);
