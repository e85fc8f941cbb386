import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CreateUploadBatchCommand, ErrorCode, type MemberBatchView } from '@app/contracts';
import { UploadStore } from '@app/uploads';
import { DomainError } from '../rpc/domain.error';
import { BatchRequestDeduplication } from './batch-request-deduplication';
import { toBatchView } from './batch-view';
import { BatchWorkEnqueuer } from './batch-work/batch-work.enqueuer';
import { newMemberBatch } from './member-batch';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/**
 * A checked and stored CSV becomes a batch in `validating`; the import workers read it. The same
 * bytes (or the same Idempotency-Key) again, while that batch is unfinished, answer that batch.
 */
@Injectable()
export class CreateUploadBatchUseCase {
  private readonly logger = new Logger('CreateUploadBatch');

  constructor(
    private readonly batches: MemberBatchesRepository,
    private readonly deduplication: BatchRequestDeduplication,
    private readonly uploads: UploadStore,
    private readonly work: BatchWorkEnqueuer,
  ) {}

  async execute(command: CreateUploadBatchCommand): Promise<MemberBatchView> {
    const batchId = randomUUID();
    const keys = [BatchRequestDeduplication.fileKey(command.organizationId, command.sha256)];
    if (command.idempotencyKey) keys.push(BatchRequestDeduplication.idempotencyKey(command.organizationId, command.idempotencyKey));
    const existing = await this.deduplication.existingOrClaim(keys, batchId);
    if (existing) {
      await this.uploads.delete(command.uploadId);
      return toBatchView(existing);
    }
    const batch = newMemberBatch({
      _id: batchId,
      organizationId: command.organizationId,
      createdByAdminId: command.adminId,
      source: 'csv',
      fileName: command.fileName,
      uploadId: command.uploadId,
      headers: [],
      parsedRows: 0,
      chunkCount: 0,
      total: 0,
    });
    await this.batches.insert(batch);
    try {
      await this.work.start(batchId, 'parse');
    } catch (error) {
      this.logger.error({ message: 'could not enqueue the import', batchId, reason: (error as Error).message });
      await this.batches.setStatus(batchId, 'failed', { failureReason: 'The import workers could not be reached.' });
      await this.deduplication.release(keys, batchId);
      await this.uploads.delete(command.uploadId);
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The import workers cannot be reached right now; try again shortly.');
    }
    return toBatchView(batch);
  }
}
