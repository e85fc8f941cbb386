import { Type } from 'class-transformer';
import { Equals, IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MinLength, ValidateNested } from 'class-validator';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedData, type AccountCreatedEvent, type Locale, LOCALES } from '@app/contracts';

/**
 * Only the fields this service reads are checked: a field it ignores must not be able to hold
 * back a member's mail. The address, names and account name come from the members service
 * with the activation link, not from the event.
 */
export class AccountCreatedDataMessage implements Pick<AccountCreatedData, 'memberId' | 'locale'> {
  @IsUUID('4')
  memberId: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale: Locale;
}

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
