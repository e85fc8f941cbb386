/** A member event waiting in `member_events_outbox`: the event as JSON, with what the relay checks it by. */
export interface MemberEventEntry {
  /** The event id. */
  _id: string;
  memberId: string;
  type: string;
  routingKey: string;
  event: string;
  createdAt: Date;
}
