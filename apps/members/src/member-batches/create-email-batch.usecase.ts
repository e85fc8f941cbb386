import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CreateEmailBatchCommand, ErrorCode, type MemberBatchView } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import { BatchRequestDeduplication } from './batch-request-deduplication';
import { INLINE_ROWS_LIMIT, toBatchView } from './batch-view';
import { countRows } from './batch-row';
import { parseEmailList } from './email-list';
import { BATCH_CHUNK_SIZE } from './batch-work/batch-work.queue';
import { newMemberBatch } from './member-batch';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from './persistence/chunk-snapshots.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';

/** What an admin typed in the "email addresses" box becomes a batch ready for review. */
@Injectable()
export class CreateEmailBatchUseCase {
  constructor(
    private readonly batches: MemberBatchesRepository,
    private readonly rows: BatchRowsRepository,
    private readonly validator: BatchRowsValidator,
    private readonly deduplication: BatchRequestDeduplication,
    private readonly snapshots: ChunkSnapshotsRepository,
  ) {}

  async execute(command: CreateEmailBatchCommand): Promise<MemberBatchView> {
    const entries = parseEmailList(command.emails);
    if (entries.length === 0) throw new DomainError(ErrorCode.ValidationFailed, 'No email address was found in what was typed.');
    const batchId = randomUUID();
    const keys = command.idempotencyKey ? [BatchRequestDeduplication.idempotencyKey(command.organizationId, command.idempotencyKey)] : [];
    const existing = await this.deduplication.existingOrClaim(keys, batchId);
    if (existing) return toBatchView(existing);
    const batch = newMemberBatch({
      _id: batchId,
      organizationId: command.organizationId,
      createdByAdminId: command.adminId,
      source: 'emails',
      fileName: null,
      uploadId: null,
      headers: ['email'],
      parsedRows: entries.length,
      chunkCount: Math.ceil(entries.length / BATCH_CHUNK_SIZE),
      total: entries.length,
    });
    await this.batches.insert(batch);
    const rows = await this.validator.validate(
      { organizationId: command.organizationId, batchId, chunkSize: BATCH_CHUNK_SIZE, newRowId: randomUUID },
      entries.map((entry) => ({ line: entry.position, email: entry.email || entry.raw, firstName: entry.firstName, lastName: entry.lastName })),
    );
    await this.rows.insertMany(rows);
    await this.snapshots.save(batchId, rows);
    batch.counts = countRows(rows);
    batch.status = 'ready';
    await this.batches.setStatus(batchId, 'ready', { counts: batch.counts });
    return toBatchView(batch, rows.length <= INLINE_ROWS_LIMIT ? rows : undefined);
  }
}
