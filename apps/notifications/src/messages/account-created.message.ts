import { Type } from 'class-transformer';
import { Equals, IsDefined, ValidateNested } from 'class-validator';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedData, type AccountCreatedEvent } from '@app/contracts';
import { ActivationMailRecipientFields } from './activation-mail-recipient.fields';
import { EventEnvelopeMessage } from './event-envelope.message';

/**
 * Only the fields the mail needs are checked: a field this service ignores must not be able to
 * hold back a member's mail.
 */
class AccountCreatedDataMessage
  extends ActivationMailRecipientFields
  implements Pick<AccountCreatedData, 'memberId' | 'email' | 'accountName' | 'firstName' | 'organizationName' | 'locale' | 'passwordSetByAdmin'> {}

export class AccountCreatedMessage extends EventEnvelopeMessage implements Omit<AccountCreatedEvent, 'data'> {
  @Equals('AccountCreated')
  type: 'AccountCreated';

  @Equals(ACCOUNT_CREATED_VERSION)
  version: number;

  @IsDefined()
  @ValidateNested()
  @Type(() => AccountCreatedDataMessage)
  data: AccountCreatedDataMessage;
}
