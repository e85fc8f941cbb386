import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, type AccountStatus, type AccountType, type MemberAccountView } from '@app/contracts';

class CreditResponse {
  @ApiProperty({ example: 0 })
  amount: number;

  @ApiProperty({ enum: ['EUR'] })
  currency: 'EUR';
}

/** A member (business account, or personal account that joined), as `GET /api/v1/members` and `GET /api/v1/members/:id` show it. */
export class MemberAccountResponse implements MemberAccountView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'jane.doe@contoso.example' })
  email: string;

  @ApiProperty({ example: 'jane.doe' })
  accountName: string;

  @ApiProperty({ type: String, nullable: true })
  firstName: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastName: string | null;

  @ApiProperty({ enum: ACCOUNT_TYPES, description: '`business`: created by the organization; `personal`: a person’s own account, a member of the organization once they accepted its invitation' })
  type: AccountType;

  @ApiProperty({ enum: ACCOUNT_STATUSES })
  status: AccountStatus;

  @ApiProperty()
  mustChangePassword: boolean;

  @ApiProperty({ type: CreditResponse })
  credit: { amount: number; currency: 'EUR' };

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'None: business accounts start without subscriptions' })
  subscriptions: unknown[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'None: business accounts start without numbers' })
  numbers: unknown[];

  @ApiProperty({ type: String, nullable: true, description: 'Null for a personal account in no organization' })
  organizationId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
