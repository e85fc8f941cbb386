import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Membership } from '../domain/membership';

/** A personal account's membership as the `memberships` collection stores it; see Membership. */
@Schema({ collection: 'memberships', versionKey: false })
export class MembershipDocument implements Membership {
  /** The personal account's id: unique, so an account is a member of one organization at most. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  invitationId: string;

  @Prop({ required: true })
  joinedAt: Date;
}

export const MembershipSchema = SchemaFactory.createForClass(MembershipDocument);
