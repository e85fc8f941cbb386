import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IfPresent } from './if-present';
import { type Locale, LOCALES } from '../locale';
import { PLAIN_TEXT, SentPersonName } from './account';
import { ACTIVATION_TOKEN_PATTERN } from './activation';

/** Anyone's sign-up (`POST /api/v1/accounts`, the `/signup` page), checked again by the members service on receipt. */
export class SignUpCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  @Matches(PLAIN_TEXT, { message: 'email must not contain control characters' })
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PLAIN_TEXT, { message: 'accountName must not contain control characters' })
  accountName: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @SentPersonName()
  firstName?: string;

  @SentPersonName()
  lastName?: string;

  @IfPresent()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;
}

/** The one answer to a sign-up that was not refused, whether the address was new or not. */
export interface SignUpAccepted {
  status: 'verification_sent';
}

export class EmailVerificationQuery {
  @IsString()
  @Matches(ACTIVATION_TOKEN_PATTERN, { message: 'token is not a verification token' })
  token: string;
}

/** What the verification page shows about the account of a link; never the token. */
export interface EmailVerificationDetails {
  accountName: string;
  email: string;
  locale: Locale;
}

export class VerificationLinkRequest {
  @IsUUID('4')
  accountId: string;
}

/** Asked by the notifications service right before it sends verification mails; as `IssueActivationLinksCommand`. */
export class IssueVerificationLinksCommand {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VerificationLinkRequest)
  accounts: VerificationLinkRequest[];
}

/** Travels only in the RPC reply, never through a durable queue. */
export interface VerificationLink {
  verificationUrl: string;
  expiresAt: string;
}

export interface IssuedVerificationLinks {
  links: VerificationLink[];
}

/**
 * Which mail a sign-up leads to: a link to verify a new (or still unverified) account's address,
 * or, to an address an account already has, that it exists.
 */
export const SIGN_UP_MAIL_KINDS = ['verify_address', 'account_exists'] as const;
export type SignUpMailKind = (typeof SIGN_UP_MAIL_KINDS)[number];

/**
 * The private command behind a sign-up's mail (exchange `roster.commands`): what the mail says,
 * never a token; a verification link is asked for when the mail is written.
 */
export interface SendSignUpEmailCommand {
  id: string;
  requestedAt: string;
  kind: SignUpMailKind;
  accountId: string;
  email: string;
  accountName: string;
  firstName: string | null;
  locale: Locale;
  /** `account_exists` only: whether the account is a business account (it has an organization). */
  businessAccount: boolean;
}
