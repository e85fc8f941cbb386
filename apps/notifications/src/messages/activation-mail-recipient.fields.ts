import { IsBoolean, IsString, IsUUID } from 'class-validator';
import type { ActivationMailRecipient } from '@app/contracts';
import { MailRecipientFields } from './mail-recipient.fields';

/** What an activation mail says about its member, as both of its messages carry it. */
export class ActivationMailRecipientFields extends MailRecipientFields implements Omit<ActivationMailRecipient, 'organizationId'> {
  @IsUUID('4')
  memberId: string;

  @IsString()
  organizationName: string;

  @IsBoolean()
  passwordSetByAdmin: boolean;
}
