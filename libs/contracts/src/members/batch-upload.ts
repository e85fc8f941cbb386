import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { TenantScope } from './tenant-scope';

/** GridFS bucket where the gateway puts an upload for the import workers to read. */
export const UPLOADS_BUCKET = 'uploads';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** A CSV the gateway checked and stored; the members service turns it into a batch. */
export class CreateUploadBatchCommand extends TenantScope {
  @IsString()
  @Matches(/^[0-9a-f]{24}$/, { message: 'uploadId must be a stored upload id' })
  uploadId: string;

  @IsString()
  @MaxLength(255)
  fileName: string;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be a hex SHA-256 digest' })
  sha256: string;

  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key must be 1 to 128 letters, digits or . _ : -' })
  idempotencyKey?: string;
}

export class BatchErrorRowsCommand extends TenantScope {
  @IsString()
  batchId: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterLine: number;
}

/** A page of the rows with problems, with what errors.csv needs to rebuild the file's columns. */
export interface BatchErrorRowsPage {
  headers: string[];
  delimiter: string;
  rows: { line: number; cells: string[]; errorCode: string; errorMessage: string }[];
  nextAfterLine: number | null;
}
