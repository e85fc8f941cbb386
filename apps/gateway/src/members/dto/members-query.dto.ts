import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACCOUNT_STATUSES, type AccountStatus, type AccountType, MEMBER_TYPE_FILTERS, PLAIN_TEXT } from '@app/contracts';
import { PageQuery } from '../../http/page-query.dto';

/** `GET /api/v1/members` query; sent on as the `query` of `ListMembersCommand`. */
export class MembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES, { message: `status must be one of ${ACCOUNT_STATUSES.join(', ')}` })
  status?: AccountStatus;

  @ApiPropertyOptional({ enum: MEMBER_TYPE_FILTERS, description: 'Business accounts (created by the organization) or personal accounts (that joined it)' })
  @IsOptional()
  @IsIn(MEMBER_TYPE_FILTERS, { message: `type must be one of ${MEMBER_TYPE_FILTERS.join(', ')}` })
  type?: AccountType;

  @ApiPropertyOptional({
    description:
      'The beginning of the email, of its domain, of the account name, first name, last name or full name (either order), or of a word in them; case, accents and the punctuation between words are ignored (`helene le` finds Hélène Le Goff)',
    maxLength: 100,
    pattern: PLAIN_TEXT.source,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'q must not contain control characters' })
  q?: string;
}
