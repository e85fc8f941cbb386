import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import type { MemberInvitedData, SendInvitationEmailCommand } from '@app/contracts';
import { MailRecipientFields } from './mail-recipient.fields';

type InvitationMailFieldNames = 'invitationId' | 'memberId' | 'email' | 'accountName' | 'firstName' | 'locale' | 'organizationName' | 'expiresAt';

/**
 * What an invitation mail says, as both of its messages carry it: `MemberInvited` for the first
 * mail, `SendInvitationEmail` for a resend. Only these fields are checked, so a field this service
 * ignores cannot hold back an invitation.
 */
export class InvitationMailRecipientFields
  extends MailRecipientFields
  implements Pick<MemberInvitedData, InvitationMailFieldNames>, Pick<SendInvitationEmailCommand, InvitationMailFieldNames>
{
  /** The link names it: a UUID keeps anything else out of the URL. */
  @IsUUID()
  invitationId: string;

  @IsString()
  @MinLength(1)
  memberId: string;

  @IsString()
  @MinLength(1)
  organizationName: string;

  @IsISO8601({ strict: true })
  expiresAt: string;
}
