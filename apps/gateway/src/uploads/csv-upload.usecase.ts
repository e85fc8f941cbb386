import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type CreateUploadBatchCommand, type MemberBatchView, MembersRpc } from '@app/contracts';
import { checkRowCount, CsvImportError, openDirectoryExport } from '@app/csv-import';
import { MembersRpcClient } from '@app/messaging';
import { UploadStore } from '@app/uploads';
import type { AdminPrincipal } from '../auth/admin-principal';
import { GatewayEnvironment } from '../config/gateway.environment';
import { ApiException } from '../http/api.exception';

export interface ReceivedFile {
  path: string;
  originalname: string;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Multer hands non-ASCII file names over as latin1; the admin's computer meant UTF-8. */
function displayName(originalname: string): string {
  const name = basename(Buffer.from(originalname, 'latin1').toString('utf8')).replace(/[\u0000-\u001f]/g, '');
  return (name || 'upload.csv').slice(0, 255);
}

/**
 * An uploaded directory export (CSV or an Excel workbook): refused at once (422, nothing kept) when
 * it cannot be a member list or is past a limit (IMPORT_MAX_ROWS rows; 500 columns or 1,024
 * characters a cell in the rows read to recognise the file, the import workers checking the rest
 * before they store anything), else stored for the import workers and answered as a batch in
 * `validating`. The temporary file is removed here, and in any case when the response ends.
 */
@Injectable()
export class CsvUploadUseCase {
  constructor(
    private readonly uploads: UploadStore,
    private readonly members: MembersRpcClient,
    private readonly env: GatewayEnvironment,
  ) {}

  async execute(admin: AdminPrincipal, file: ReceivedFile, idempotencyKey: string | undefined): Promise<MemberBatchView> {
    let uploadId: string | undefined;
    try {
      // Its first rows are checked against the column and cell limits, its rows counted: past a limit, nothing is kept.
      await checkRowCount(await openDirectoryExport(file.path), file.path, this.env.IMPORT_MAX_ROWS);
      const fileName = displayName(file.originalname);
      const sha256 = await sha256Of(file.path);
      uploadId = await this.uploads.write(createReadStream(file.path), fileName, admin.organizationId);
      const command: CreateUploadBatchCommand = { ...admin, uploadId, fileName, sha256, idempotencyKey };
      return await this.members.send(MembersRpc.CreateUploadBatch, command);
    } catch (error) {
      // A refusal means no batch uses the file; after a time-out one may, so the file stays.
      if (uploadId && error instanceof ApiException && error.getStatus() < 500) await this.uploads.delete(uploadId);
      if (error instanceof CsvImportError) throw new ApiException(422, error.code, error.message);
      throw error;
    } finally {
      await rm(file.path, { force: true });
    }
  }
}
