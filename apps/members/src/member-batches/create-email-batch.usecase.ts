import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CreateEmailBatchCommand, ErrorCode, type MemberBatchView } from '@app/contracts';
import { UploadStore } from '@app/uploads';
import { DomainError } from '../rpc/domain.error';
import { BatchRequestDeduplication } from './batch-request-deduplication';
import { INLINE_ROWS_LIMIT, toBatchView } from './batch-view';
import { countRows } from './batch-row';
import { type EmailListEntry, parseEmailList, rowInputOf } from './email-list';
import { BATCH_CHUNK_SIZE } from './batch-work/batch-work.queue';
import { BatchWorkEnqueuer } from './batch-work/batch-work.enqueuer';
import { type MemberBatch, newMemberBatch } from './member-batch';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from './persistence/chunk-snapshots.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';
import { TYPED_EMAILS_FILE_NAME, typedEmailsUpload } from './typed-email-upload';

/**
 * What an admin typed in the "email addresses" box becomes a batch. Up to `INLINE_ROWS_LIMIT`
 * addresses are checked while the admin waits and answered `ready` with their rows. A longer
 * list (up to 5,000) would keep the admin waiting past the gateway's time-out while the batch
 * is made anyway: it is stored and answered at once, `validating`, and the import workers check
 * it as they check a file.
 */
@Injectable()
export class CreateEmailBatchUseCase {
  private readonly logger = new Logger('CreateEmailBatch');

  constructor(
    private readonly batches: MemberBatchesRepository,
    private readonly rows: BatchRowsRepository,
    private readonly validator: BatchRowsValidator,
    private readonly deduplication: BatchRequestDeduplication,
    private readonly snapshots: ChunkSnapshotsRepository,
    private readonly uploads: UploadStore,
    private readonly work: BatchWorkEnqueuer,
  ) {}

  async execute(command: CreateEmailBatchCommand): Promise<MemberBatchView> {
    const entries = parseEmailList(command.emails);
    if (entries.length === 0) throw new DomainError(ErrorCode.ValidationFailed, 'No email address was found in what was typed.');
    const batchId = randomUUID();
    const keys = command.idempotencyKey ? [BatchRequestDeduplication.idempotencyKey(command.organizationId, command.idempotencyKey)] : [];
    const existing = await this.deduplication.existingOrClaim(keys, batchId);
    if (existing) return toBatchView(existing);
    return entries.length <= INLINE_ROWS_LIMIT ? this.validateNow(command, batchId, entries) : this.handToWorkers(command, batchId, entries.length, keys);
  }

  private async validateNow(command: CreateEmailBatchCommand, batchId: string, entries: EmailListEntry[]): Promise<MemberBatchView> {
    const batch = this.newBatch(command, batchId, entries.length, null);
    batch.parsedRows = entries.length;
    batch.chunkCount = Math.ceil(entries.length / BATCH_CHUNK_SIZE);
    await this.batches.insert(batch);
    const rows = await this.validator.validate(
      { organizationId: command.organizationId, batchId, chunkSize: BATCH_CHUNK_SIZE, newRowId: randomUUID },
      entries.map(rowInputOf),
    );
    await this.rows.insertMany(rows);
    await this.snapshots.save(batchId, rows);
    batch.counts = countRows(rows);
    batch.status = 'ready';
    await this.batches.setStatus(batchId, 'ready', { counts: batch.counts });
    return toBatchView(batch, rows);
  }

  private async handToWorkers(command: CreateEmailBatchCommand, batchId: string, total: number, keys: string[]): Promise<MemberBatchView> {
    const uploadId = await this.uploads.write(typedEmailsUpload(command.emails), TYPED_EMAILS_FILE_NAME, command.organizationId);
    const batch = this.newBatch(command, batchId, total, uploadId);
    try {
      await this.batches.insert(batch);
    } catch (error) {
      await this.uploads.delete(uploadId);
      await this.deduplication.release(keys, batchId);
      throw error;
    }
    try {
      await this.work.start(batchId, 'parse');
    } catch (error) {
      this.logger.error({ message: 'could not enqueue the typed list', batchId, reason: (error as Error).message });
      await this.batches.setStatus(batchId, 'failed', { failureReason: 'The import workers could not be reached.' });
      await this.deduplication.release(keys, batchId);
      await this.uploads.delete(uploadId);
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The import workers cannot be reached right now; try again shortly.');
    }
    return toBatchView(batch);
  }

  private newBatch(command: CreateEmailBatchCommand, batchId: string, total: number, uploadId: string | null): MemberBatch {
    return newMemberBatch({
      _id: batchId,
      organizationId: command.organizationId,
      createdByAdminId: command.adminId,
      source: 'emails',
      fileName: null,
      uploadId,
      headers: ['email'],
      parsedRows: 0,
      chunkCount: 0,
      total,
    });
  }
}
