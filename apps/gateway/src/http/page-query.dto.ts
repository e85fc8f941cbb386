import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE, MAX_PAGE_SIZE, PageQuery as PageQueryMessage } from '@app/contracts';

/**
 * `?page=&limit=` of every list of `/api/v1`: the checks of the RPC's page query, which the
 * members service applies too, with their documentation.
 */
export class PageQuery extends PageQueryMessage {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  override page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  override limit = 50;
}
