import type { AccountStatus, Locale } from '@app/contracts';

/** A business account, member of one organization. */
export interface Account {
  /** The member id; equal to the id of the batch row that created it, so a re-run cannot create it twice. */
  _id: string;
  organizationId: string;
  email: string;
  /** Business emails are unique in the whole system. */
  emailNormalized: string;
  accountName: string;
  firstName: string | null;
  lastName: string | null;
  status: AccountStatus;
  passwordHash: string | null;
  mustChangePassword: boolean;
  locale: Locale;
  batchId: string | null;
  /** The chunk of its batch that created it: the members list reads one chunk at a time. */
  chunk: number | null;
  createdAt: Date;
  /** When the member set their own password (link or change of the admin's): set exactly when `status` is `active`. */
  activatedAt: Date | null;
  /**
   * Moved on by activation and by every password change: a member token carries the version it
   * was issued under and is refused once they differ. Absent (0) until the first of them.
   */
  sessionVersion?: number;
}

/** What setting the member's own password for the first time writes, at once, in the account. */
export interface AccountActivation {
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  activatedAt: Date;
  sessionVersion: number;
}
