import { Type } from 'class-transformer';
import { Equals, IsDefined, IsISO8601, IsString, IsUUID, MinLength, ValidateNested } from 'class-validator';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedData, type AccountCreatedEvent } from '@app/contracts';
import { ActivationMailRecipientFields } from './activation-mail-recipient.fields';

/**
 * Only the fields the mail needs are checked: a field this service ignores must not be able to
 * hold back a member's mail.
 */
class AccountCreatedDataMessage
  extends ActivationMailRecipientFields
  implements Pick<AccountCreatedData, 'memberId' | 'email' | 'accountName' | 'firstName' | 'organizationName' | 'locale' | 'passwordSetByAdmin'> {}

export class AccountCreatedMessage implements Omit<AccountCreatedEvent, 'data'> {
  @IsUUID()
  id: string;

  @Equals('AccountCreated')
  type: 'AccountCreated';

  @Equals(ACCOUNT_CREATED_VERSION)
  version: number;

  @IsISO8601()
  occurredAt: string;

  @IsString()
  @MinLength(1)
  organizationId: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => AccountCreatedDataMessage)
  data: AccountCreatedDataMessage;
}
