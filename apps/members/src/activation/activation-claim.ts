/**
 * A member setting their first own password (activation, by a link or by changing the password an
 * admin set), claimed once per member (`_id` is the member id) and then written into the account.
 * The claim holds everything that write needs, so when a service stops between the two, whoever
 * comes next for this member finishes it: the link counts as used only once the account has the password.
 */
export interface ActivationClaim {
  _id: string;
  /** SHA-256 of the link used; null when the member changed an admin-set password. */
  tokenHash: string | null;
  /** The new password's hash until it is in the account; then null, so no copy outlives a later change. */
  passwordHash: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Becomes the account's `activatedAt`. */
  claimedAt: Date;
  /** Becomes the account's `sessionVersion`, ending the member's earlier tokens. */
  sessionVersion: number;
}
