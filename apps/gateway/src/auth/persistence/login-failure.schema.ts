import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One failed sign-in, counted per account and time window so every gateway replica sees it. */
@Schema({ collection: 'login_failures', versionKey: false })
export class LoginFailure {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  key: string;

  @Prop({ required: true })
  window: number;

  @Prop({ required: true })
  at: Date;
}

export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailure);
LoginFailureSchema.index({ key: 1, window: 1 });
