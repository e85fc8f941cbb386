import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IfPresent } from '@app/contracts';

/** `PATCH /api/v1/member-batches/:batchId/rows/:rowId` body; sent on as the `patch` of `UpdateBatchRowCommand`. */
export class BatchRowPatchBody {
  @ApiPropertyOptional({ example: 'jane.doe' })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  accountName?: string;

  @ApiPropertyOptional({ example: 'Jane' })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Doe' })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ description: 'A password set on the member’s behalf; kept only as a hash.', minLength: 12 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
