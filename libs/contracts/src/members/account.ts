import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from './pagination';
import { TenantScope } from './tenant-scope';

export const ACCOUNT_STATUSES = ['pending_activation', 'active'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface MemberAccountView {
  id: string;
  email: string;
  accountName: string;
  firstName: string | null;
  lastName: string | null;
  type: 'business';
  status: AccountStatus;
  mustChangePassword: boolean;
  credit: { amount: number; currency: 'EUR' };
  subscriptions: unknown[];
  numbers: unknown[];
  organizationId: string;
  createdAt: string;
}

/**
 * Text as a person types it (a search, a name): no control character. A NUL cannot even reach the
 * database, in a pattern or, on FerretDB's PostgreSQL backend, in a stored string.
 */
export const PLAIN_TEXT = /^[^\u0000-\u001f\u007f]*$/;

export class MembersQuery extends PageQuery {
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES, { message: `status must be one of ${ACCOUNT_STATUSES.join(', ')}` })
  status?: AccountStatus;

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
