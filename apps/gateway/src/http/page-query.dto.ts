import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, PageQuery as PageQueryMessage } from '@app/contracts';

/**
 * `?page=&limit=` of every list of `/api/v1`: the checks of the RPC's page query, which the
 * members service applies too, with their documentation.
 */
export class PageQuery extends PageQueryMessage {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  override page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  override limit = 50;
}
