import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `PATCH /api/v1/member-batches/:batchId/rows/:rowId` body; sent on as the `patch` of `UpdateBatchRowCommand`. */
export class BatchRowPatchBody {
  @ApiPropertyOptional({ example: 'jane.doe' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  accountName?: string;

  @ApiPropertyOptional({ example: 'Jane' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Doe' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ description: 'A password set on the member’s behalf; kept only as a hash.', minLength: 12 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
