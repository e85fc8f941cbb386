import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IfPresent, PLAIN_TEXT } from '@app/contracts';

/** `PATCH /api/v1/member-batches/:batchId/rows/:rowId` body; sent on as the `patch` of `UpdateBatchRowCommand`. */
export class BatchRowPatchBody {
  @ApiPropertyOptional({ example: 'jane.doe', maxLength: 64 })
  @IfPresent()
  @IsString()
  @MaxLength(64)
  accountName?: string;

  @ApiPropertyOptional({ example: 'Jane', maxLength: 100, pattern: PLAIN_TEXT.source })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'firstName must not contain control characters' })
  firstName?: string;

  @ApiPropertyOptional({ example: 'Doe', maxLength: 100, pattern: PLAIN_TEXT.source })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'lastName must not contain control characters' })
  lastName?: string;

  @ApiPropertyOptional({ description: 'A password set on the member’s behalf; kept only as a hash.', minLength: 12, maxLength: 1024 })
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    enum: [true],
    description: 'Adds a row the directory marks as disabled (error `account_disabled_in_directory`) all the same: the row then holds its address and gets an account name, or the problem that stops it.',
  })
  @IfPresent()
  @IsIn([true], { message: 'addAnyway can only be true' })
  addAnyway?: true;
}

/** A PATCH that would change nothing: refused, rather than answered 200 as if it did something. */
export function isEmptyPatch(patch: BatchRowPatchBody): boolean {
  return patch.accountName === undefined && patch.firstName === undefined && patch.lastName === undefined && patch.password === undefined && patch.addAnyway === undefined;
}
