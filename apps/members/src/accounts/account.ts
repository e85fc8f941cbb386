import type { AccountStatus, AccountType, Locale } from '@app/contracts';
import type { AccountStatusChange } from './account-history';

/** A business account, member of one organization, or a personal account, which its person created and which is in no organization. */
export interface Account {
  /** The member id; equal to the id of the batch row that created it, so a re-run cannot create it twice. */
  _id: string;
  /** Absent on accounts created before personal accounts existed: business. */
  type?: AccountType;
  /** Null for a personal account in no organization; a personal account that accepted an invitation has the organization's. */
  organizationId: string | null;
  /** When a personal account joined its organization (accepted the invitation); null or absent otherwise. */
  joinedAt?: Date | null;
  email: string;
  /** Emails are unique in the whole system, business and personal. */
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
  /**
   * When the member set their own password (link or change of the admin's), or, for a personal
   * account, verified the address: set exactly when `status` is `active`.
   */
  activatedAt: Date | null;
  /**
   * Moved on by activation and by every password change: a member token carries the version it
   * was issued under and is refused once they differ. Absent (0) until the first of them.
   */
  sessionVersion?: number;
  /** Suspensions and reactivations by an admin, the last KEPT_STATUS_CHANGES of them; absent until the first. */
  statusChanges?: AccountStatusChange[];
}

/** A personal account whose address is not verified yet: it cannot sign in. */
export function isUnverifiedPersonal(account: Account): boolean {
  return account.type === 'personal' && account.activatedAt === null;
}

/** What setting the member's own password for the first time writes, at once, in the account. */
export interface AccountActivation {
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  activatedAt: Date;
  sessionVersion: number;
}
