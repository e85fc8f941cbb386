import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { InvitationStatus, Locale } from '@app/contracts';
import type { Invitation, MembershipEnded } from '../domain/invitation';

/** An invitation as the `invitations` collection stores it; see Invitation. */
@Schema({ collection: 'invitations', versionKey: false })
export class InvitationDocument implements Invitation {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  accountId: string;

  @Prop({ required: true })
  accountName: string;

  @Prop({ type: String, required: true })
  email: string;

  @Prop({ type: String, default: null })
  firstName: string | null;

  @Prop({ type: String, required: true })
  locale: Locale;

  @Prop({ type: String, required: true })
  status: InvitationStatus;

  @Prop({ required: true })
  invitedBy: string;

  @Prop({ type: String, default: null })
  batchId: string | null;

  @Prop({ required: true })
  createdAt: Date;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop({ required: true })
  lastSentAt: Date;

  @Prop({ type: Date, default: null })
  endedAt: Date | null;

  @Prop({ type: String, default: null })
  endedBy: string | null;

  @Prop({ type: Object, default: null })
  membershipEnded: MembershipEnded | null;

  @Prop({ type: [String], default: [] })
  eventIds: string[];
}

export const InvitationSchema = SchemaFactory.createForClass(InvitationDocument);
// The organization's list (by status, newest first); a person's invitations; the expiry sweep.
InvitationSchema.index({ organizationId: 1, status: 1, createdAt: -1 });
InvitationSchema.index({ organizationId: 1, createdAt: -1, _id: -1 });
InvitationSchema.index({ accountId: 1, status: 1 });
InvitationSchema.index({ status: 1, expiresAt: 1 });
