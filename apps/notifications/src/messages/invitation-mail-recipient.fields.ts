import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MinLength } from 'class-validator';
import { type Locale, LOCALES, type MemberInvitedData, type SendInvitationEmailCommand } from '@app/contracts';

type InvitationMailFieldNames = 'invitationId' | 'memberId' | 'email' | 'accountName' | 'firstName' | 'locale' | 'organizationName' | 'expiresAt';

/**
 * What an invitation mail says, as both of its messages carry it: `MemberInvited` for the first
 * mail, `SendInvitationEmail` for a resend. Only these fields are checked, so a field this service
 * ignores cannot hold back an invitation.
 */
export class InvitationMailRecipientFields
  implements Pick<MemberInvitedData, InvitationMailFieldNames>, Pick<SendInvitationEmailCommand, InvitationMailFieldNames>
{
  /** The link names it: a UUID keeps anything else out of the URL. */
  @IsUUID()
  invitationId: string;

  @IsString()
  @MinLength(1)
  memberId: string;

  @IsEmail({ allow_utf8_local_part: true })
  email: string;

  @IsString()
  @MinLength(1)
  accountName: string;

  @IsOptional()
  @IsString()
  firstName: string | null;

  @IsIn(LOCALES)
  locale: Locale;

  @IsString()
  @MinLength(1)
  organizationName: string;

  @IsISO8601({ strict: true })
  expiresAt: string;
}
