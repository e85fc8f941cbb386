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
  activatedAt: Date | null;
}
