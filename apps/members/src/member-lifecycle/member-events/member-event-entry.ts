/** A member event waiting in `member_events_outbox`: the event as JSON, with what the relay checks it by. */
export interface MemberEventEntry {
  /** The event id. */
  _id: string;
  memberId: string;
  /** For an invitation's or a membership's event: the invitation, which records the event id once its change is written. */
  invitationId?: string;
  type: string;
  routingKey: string;
  event: string;
  createdAt: Date;
}
