import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Who currently runs a job that must have one runner at a time (e.g. the event relay). */
@Schema({ collection: 'leases', versionKey: false })
export class Lease {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  holder: string;

  @Prop({ required: true })
  expiresAt: Date;
}

export const LeaseSchema = SchemaFactory.createForClass(Lease);
