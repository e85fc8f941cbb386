import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MemberEventEntry } from '../member-event-entry';

/**
 * A member event (MemberSuspended, MemberReactivated, AccountDeleted, and an invitation's or membership's events) written before the change it
 * tells of, and deleted once the broker confirmed it. An entry whose change never happened (the
 * write failed after it) is dropped by the relay; see MemberEventsOutbox.
 */
@Schema({ collection: 'member_events_outbox', versionKey: false })
export class MemberEventOutboxEntry implements MemberEventEntry {
  /** The event id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  memberId: string;

  @Prop({ type: String })
  invitationId?: string;

  @Prop({ required: true })
  type: string;

  @Prop({ required: true })
  routingKey: string;

  /** The whole event, as JSON. */
  @Prop({ required: true })
  event: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const MemberEventOutboxEntrySchema = SchemaFactory.createForClass(MemberEventOutboxEntry);
