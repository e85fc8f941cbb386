import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import type { Locale } from '../locale';
import { PLAIN_TEXT } from './account';

/**
 * An activation token: `<memberId>.<link number>.<secret>`, the secret 32 random bytes in base64url
 * (43 characters); a token of 0.4 or earlier is the bare secret.
 */
export const ACTIVATION_TOKEN_PATTERN = /^(?:[0-9A-Za-z-]{1,64}\.\d{1,9}\.)?[A-Za-z0-9_-]{43}$/;

export class ActivationTokenQuery {
  @IsString()
  @Matches(ACTIVATION_TOKEN_PATTERN, { message: 'token is not an activation token' })
  token: string;
}

/** What the activation page needs to know about the token's account; never the token itself. */
export interface ActivationDetails {
  memberId: string;
  accountName: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  organizationName: string;
  locale: Locale;
}

export class ActivateAccountCommand extends ActivationTokenQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

/** Who an activation mail goes to, as the notifications service writes it. Never a token. */
export interface ActivationMailRecipient {
  memberId: string;
  organizationId: string;
  email: string;
  accountName: string;
  firstName: string | null;
  organizationName: string;
  locale: Locale;
  passwordSetByAdmin: boolean;
}

/** The most links asked for in one request. */
export const MAX_LINKS_PER_REQUEST = 500;

export class ActivationLinkRequest {
  @IsUUID('4')
  memberId: string;

  @IsString()
  @MinLength(1)
  organizationId: string;
}

/**
 * Asked by the notifications service, over the private RPC queue, right before it sends the mails
 * it is writing. The members service only stores the new links' hashes: nothing is read back.
 */
export class IssueActivationLinksCommand {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINKS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ActivationLinkRequest)
  members: ActivationLinkRequest[];
}

/** Travels only in the RPC reply, never through a durable queue. */
export interface ActivationLink {
  activationUrl: string;
  expiresAt: string;
}

/** One link per member asked for, in the same order. */
export interface IssuedActivationLinks {
  links: ActivationLink[];
}

/**
 * The private command behind "send a new activation email" (exchange `roster.commands`): it
 * carries what the mail says, so that sending it reads nothing back.
 */
export interface SendActivationEmailCommand extends ActivationMailRecipient {
  id: string;
  requestedAt: string;
}

/** Asked of the members service to sign a member in; `login` is an account name or an email. */
export class MemberCredentials {
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  // No account name or address holds one, and the database refuses a NUL in a query.
  @Matches(PLAIN_TEXT, { message: 'login must not contain control characters' })
  login: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

/**
 * A member's new password, proven by the current one: how a member whose admin set the password
 * chooses their own (sign-in answers 403 `password_change_required` until then), and how any
 * member changes theirs. Sessions opened before end.
 */
export class ChangeMemberPasswordCommand extends MemberCredentials {
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  newPassword: string;
}

export interface MemberIdentity {
  memberId: string;
  /** Null for a personal account, in no organization. */
  organizationId: string | null;
  accountName: string;
  /** Always false since a member must choose their own password before signing in; kept for clients of 0.3. */
  mustChangePassword: boolean;
  /** Goes into the member's token; a password change or activation moves it on, ending earlier tokens. */
  sessionVersion: number;
}

/** Asked by the gateway each time a member token is used: is this session still the member's? */
export class MemberSessionQuery {
  @IsUUID('4')
  memberId: string;

  /** Null for a personal account. */
  @ValidateIf((query: MemberSessionQuery) => query.organizationId !== null)
  @IsString()
  @MinLength(1)
  organizationId: string | null;

  @IsInt()
  @Min(0)
  sessionVersion: number;
}

/** The reply to a resend: the new mail is on its way, not yet sent. */
export interface ActivationEmailQueued {
  queued: true;
}
