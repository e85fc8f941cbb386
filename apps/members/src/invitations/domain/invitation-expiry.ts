const HOUR_MS = 3_600_000;

/** When an invitation made at `createdAt` stops being answerable. */
export function invitationExpiresAt(createdAt: Date, ttlHours: number): Date {
  return new Date(createdAt.getTime() + ttlHours * HOUR_MS);
}

/**
 * Whether a pending invitation can no longer be accepted or declined: past its expiry, whether or
 * not the sweep has marked it `expired` yet.
 */
export function isPastExpiry(invitation: { expiresAt: Date }, now: Date): boolean {
  return invitation.expiresAt.getTime() <= now.getTime();
}
