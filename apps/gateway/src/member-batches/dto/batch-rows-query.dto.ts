import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROW_STATUSES, type RowStatus } from '@app/contracts';
import { PageQuery } from '../../http/page-query.dto';

/** `GET /api/v1/member-batches/:batchId/rows` query; sent on as the `query` of `ListBatchRowsCommand`. */
export class BatchRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROW_STATUSES })
  @IsOptional()
  @IsIn(ROW_STATUSES, { message: `status must be one of ${ROW_STATUSES.join(', ')}` })
  status?: RowStatus;
}
