import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import type { SendActivationEmailCommand } from '@app/contracts';

export class SendActivationEmailMessage implements SendActivationEmailCommand {
  @IsUUID()
  id: string;

  @IsUUID('4')
  memberId: string;

  @IsString()
  @MinLength(1)
  organizationId: string;

  @IsISO8601()
  requestedAt: string;
}
