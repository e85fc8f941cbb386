import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
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

export class MembersQuery extends PageQuery {
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES, { message: `status must be one of ${ACCOUNT_STATUSES.join(', ')}` })
  status?: AccountStatus;

  @IsOptional()
  @IsString()
  @MaxLength(100)
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
