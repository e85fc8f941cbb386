import type { InvitationStatus, Locale, MemberRemovedReason } from '@app/contracts';

/**
 * An organization's invitation of one personal account, as `invitations` stores it. Its address
 * and first name are what the invitation mail says; they are erased when the account is deleted.
 */
export interface Invitation {
  /** A batch row's id (a redone commit creates none twice), or a new UUID v4 when invited by account name. */
  _id: string;
  organizationId: string;
  /** The personal account invited. */
  accountId: string;
  accountName: string;
  email: string;
  firstName: string | null;
  /** The person's language, chosen at sign-up. */
  locale: Locale;
  status: InvitationStatus;
  /** The admin who invited. */
  invitedBy: string;
  batchId: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastSentAt: Date;
  /** When it stopped being pending; null while pending. */
  endedAt: Date | null;
  /** The admin who cancelled it; null otherwise. */
  endedBy: string | null;
  /** For an accepted invitation whose membership ended since: when, why and, for a removal, which admin. */
  membershipEnded: MembershipEnded | null;
  /** Ids of the events of its changes: the event relay publishes an outbox entry once its id is here. */
  eventIds: string[];
}

export interface MembershipEnded {
  at: Date;
  reason: MemberRemovedReason;
  by: string | null;
}
