/**
 * A personal account's membership of an organization, as `memberships` stores it: one document
 * per member, `_id` the account id. Its unique `_id` is what keeps a personal account in at most
 * one organization when two acceptances arrive at once: exactly one insert wins.
 */
export interface Membership {
  /** The personal account's id. */
  _id: string;
  organizationId: string;
  /** The invitation it accepted. */
  invitationId: string;
  joinedAt: Date;
}
