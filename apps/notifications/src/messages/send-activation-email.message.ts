import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import type { SendActivationEmailCommand } from '@app/contracts';
import { ActivationMailRecipientFields } from './activation-mail-recipient.fields';

export class SendActivationEmailMessage extends ActivationMailRecipientFields implements SendActivationEmailCommand {
  @IsUUID()
  id: string;

  @IsString()
  @MinLength(1)
  organizationId: string;

  @IsISO8601()
  requestedAt: string;
}
