import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { Locale } from '../locale';
import { PLAIN_TEXT } from './account';
import { PageQuery } from './pagination';
import { TenantScope } from './tenant-scope';

/**
 * `pending` until the person answers; `accepted` made the personal account a member; `declined`,
 * `expired` (INVITATION_TTL_HOURS passed) and `cancelled` (by an admin) did not.
 */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An invitation as the inviting organization's admins see it. */
export interface InvitationView {
  id: string;
  organizationId: string;
  /** The personal account invited; its member id once it accepted. */
  memberId: string;
  accountName: string;
  email: string;
  status: InvitationStatus;
  invitedByAdminId: string;
  /** The batch whose commit created it; null when invited by account name. */
  batchId: string | null;
  createdAt: string;
  expiresAt: string;
  /** When the last invitation mail was asked for (creation, then each resend). */
  lastSentAt: string;
  /** When it stopped being pending (answered, expired or cancelled); null while pending. */
  endedAt: string | null;
  /**
   * For an accepted invitation whose membership ended since: when and why (`MemberRemoved`'s
   * reason); null otherwise.
   */
  membershipEnded: { at: string; reason: 'left' | 'removed_by_admin' | 'account_deleted' } | null;
}

/** An invitation as the invited person sees it, signed in as the invited account. */
export interface ReceivedInvitationView {
  id: string;
  /** The inviting organization: its audit log records the person's answer. */
  organizationId?: string;
  organizationName: string;
  accountName: string;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

export class InvitationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(INVITATION_STATUSES, { message: `status must be one of ${INVITATION_STATUSES.join(', ')}` })
  status?: InvitationStatus;
}

/** The organization's invitations, newest first. */
export class ListInvitationsCommand extends TenantScope {
  @ValidateNested()
  @Type(() => InvitationsQuery)
  query: InvitationsQuery;
}

/** An admin acting on one of the organization's invitations (get, resend, cancel). */
export class InvitationCommand extends TenantScope {
  @IsUUID('4')
  invitationId: string;
}

/** An admin inviting a personal account by its account name. */
export class InviteByAccountNameCommand extends TenantScope {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PLAIN_TEXT, { message: 'accountName must not contain control characters' })
  accountName: string;
}

/** The signed-in person (a personal account; the gateway takes the id from the verified member token). */
export class PersonCommand {
  @IsUUID('4')
  memberId: string;
}

/** The signed-in person acting on an invitation addressed to them (get, accept, decline). */
export class PersonInvitationCommand extends PersonCommand {
  @IsUUID('4')
  invitationId: string;
}

/** The person deleting their own personal account, confirming with its password. */
export class DeletePersonalAccountCommand extends PersonCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

/**
 * The private command behind a resent invitation mail (exchange `roster.commands`): what the mail
 * says, as `MemberInvited` does for the first one. The mail's link names the invitation only;
 * answering it needs the person to sign in as the invited account.
 */
export interface SendInvitationEmailCommand {
  id: string;
  requestedAt: string;
  invitationId: string;
  memberId: string;
  email: string;
  accountName: string;
  firstName: string | null;
  locale: Locale;
  organizationName: string;
  expiresAt: string;
}
