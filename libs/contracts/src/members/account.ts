import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IfPresent } from './if-present';
import { PageQuery } from './pagination';
import { TenantScope } from './tenant-scope';

/** `suspended`: an admin stopped it; it cannot sign in until reactivated. Deleted accounts are not members any more and are never listed. */
export const ACCOUNT_STATUSES = ['pending_activation', 'active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Business accounts are created by an organization's admin; personal accounts by the person, in no organization until they join one. */
export const ACCOUNT_TYPES = ['business', 'personal'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface MemberAccountView {
  id: string;
  email: string;
  accountName: string;
  firstName: string | null;
  lastName: string | null;
  type: AccountType;
  status: AccountStatus;
  mustChangePassword: boolean;
  credit: { amount: number; currency: 'EUR' };
  subscriptions: unknown[];
  numbers: unknown[];
  /** Null for a personal account in no organization. */
  organizationId: string | null;
  createdAt: string;
}

/**
 * Text as a person types it (a search, a name): no control character. A NUL cannot even reach the
 * database, in a pattern or, on FerretDB's PostgreSQL backend, in a stored string.
 */
export const PLAIN_TEXT = /^[^\u0000-\u001f\u007f]*$/;

/** A first or last name, checked only when sent (`null` refused): a string of at most 100 characters, no control characters. */
export function SentPersonName(): PropertyDecorator {
  return (target, property) => {
    const checks = [IfPresent(), IsString(), MaxLength(100), Matches(PLAIN_TEXT, { message: `${String(property)} must not contain control characters` })];
    for (const check of checks) check(target, property);
  };
}

/** The account types the members list filters on (ACCOUNT_TYPES, written out here: that module imports this one). */
export const MEMBER_TYPE_FILTERS: readonly AccountType[] = ['business', 'personal'];

export class MembersQuery extends PageQuery {
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES, { message: `status must be one of ${ACCOUNT_STATUSES.join(', ')}` })
  status?: AccountStatus;

  @IsOptional()
  @IsIn(MEMBER_TYPE_FILTERS, { message: `type must be one of ${MEMBER_TYPE_FILTERS.join(', ')}` })
  type?: AccountType;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'q must not contain control characters' })
  q?: string;
}

export class ListMembersCommand extends TenantScope {
  @ValidateNested()
  @Type(() => MembersQuery)
  query: MembersQuery;
}

export class MemberCommand extends TenantScope {
  @IsUUID('4')
  memberId: string;
}
