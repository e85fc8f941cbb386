import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@app/contracts';
import { countMemberRows, CsvImportError, openDirectoryExport } from '@app/csv-import';
import { UploadStore } from '@app/uploads';
import { type BatchRow, rowToValidate } from '../batch-row';
import { parseEmailList, rowInputOf } from '../email-list';
import type { MemberBatch } from '../member-batch';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import { BatchRowsValidator } from '../row-validation/batch-rows.validator';
import { BATCH_CHUNK_SIZE } from './batch-work.queue';
import { ChunkCutter } from './chunk-cutter';
import { BatchWorkEnqueuer } from './batch-work.enqueuer';
import { deterministicUuid } from '../../persistence/deterministic-uuid';
import { readTypedEmails } from '../typed-email-upload';

type ParseOutcome = { kind: 'parsed'; rows: number; chunks: number } | { kind: 'unreadable'; reason: string; code: string };

/**
 * Reads an uploaded file once, streaming, and hands it to the workers chunk by chunk, holding in
 * line order what the earlier line must win: each row's address (a later line with the same one
 * is a duplicate, found by its hold, so the file's addresses are never all in memory) and the
 * account name its user name asks for. Names and suggestions are settled in the `validate` jobs,
 * on any worker. Row ids come from the line, so reading again after a crash produces the same rows.
 */
@Injectable()
export class ParseUploadProcessor {
  constructor(
    private readonly uploads: UploadStore,
    private readonly batches: MemberBatchesRepository,
    private readonly work: BatchWorkEnqueuer,
    private readonly validator: BatchRowsValidator,
  ) {}

  /** `redo`: an earlier read of this file may have been interrupted (a redelivered job). */
  async process(batch: MemberBatch, redo: boolean): Promise<ParseOutcome> {
    if (!batch.uploadId) return { kind: 'unreadable', reason: 'The uploaded file is no longer available.', code: ErrorCode.UnreadableFile };
    if (batch.source === 'emails') return this.readTypedList(batch, batch.uploadId, redo);
    const path = join(tmpdir(), `roster-import-${batch._id}-${randomUUID()}.upload`);
    try {
      // Readable by this user only, as the gateway's copy was.
      await pipeline(this.uploads.read(batch.uploadId), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      return await this.read(batch, path, redo);
    } catch (error) {
      if (error instanceof CsvImportError) return { kind: 'unreadable', reason: error.message, code: error.code };
      throw error;
    } finally {
      await rm(path, { force: true });
    }
  }

  private async read(batch: MemberBatch, path: string, redo: boolean): Promise<ParseOutcome> {
    const file = await openDirectoryExport(path);
    // A first pass over every record, against the limits (columns, cell size) and for anything
    // unreadable past what the gateway looked at: such a file fails before a row is held or stored.
    await countMemberRows(file, Number.MAX_SAFE_INTEGER);
    await this.batches.update(batch._id, {
      headers: file.hasHeader ? file.headers : ['email', 'user_name'],
      delimiter: file.delimiter,
      ignoredColumns: file.ignoredColumns,
      emailColumn: file.emailColumn,
    });
    const scope = { organizationId: batch.organizationId, batchId: batch._id, chunkSize: BATCH_CHUNK_SIZE, newRowId: () => '' };
    const chunks = new ChunkCutter();
    let count = 0;
    for await (const record of file.rows()) {
      const { cells, ...input } = record;
      const row = this.validator.newRow({ ...scope, newRowId: () => deterministicUuid(`${batch._id}:${record.line}`) }, input, count, cells);
      count += 1;
      const full = chunks.add(row);
      if (full) await this.handOver(batch, full, count - chunks.pending, redo);
    }
    const last = chunks.rest();
    if (last) await this.handOver(batch, last, count, redo);
    if (count === 0) return { kind: 'unreadable', reason: 'The file has a header row but no member rows.', code: ErrorCode.EmptyFile };
    return { kind: 'parsed', rows: count, chunks: chunks.count };
  }

  /** A list an admin typed, too long to check while they waited: handed over as a file's rows are, in the order typed. */
  private async readTypedList(batch: MemberBatch, uploadId: string, redo: boolean): Promise<ParseOutcome> {
    const inputs = parseEmailList(await readTypedEmails(this.uploads.read(uploadId))).map(rowInputOf);
    const scope = { organizationId: batch.organizationId, batchId: batch._id, chunkSize: BATCH_CHUNK_SIZE, newRowId: () => '' };
    const rows = inputs.map((input, index) =>
      this.validator.newRow({ ...scope, newRowId: () => deterministicUuid(`${batch._id}:${input.line}`) }, input, index, [input.email]),
    );
    for (let start = 0; start < rows.length; start += BATCH_CHUNK_SIZE) {
      const chunk = rows.slice(start, start + BATCH_CHUNK_SIZE);
      await this.handOver(batch, chunk, start + chunk.length, redo);
    }
    return { kind: 'parsed', rows: rows.length, chunks: Math.ceil(rows.length / BATCH_CHUNK_SIZE) };
  }

  private async handOver(batch: MemberBatch, rows: BatchRow[], parsedRows: number, redo: boolean): Promise<void> {
    await this.validator.holdEmails(batch.organizationId, rows);
    await this.validator.settleRequestedNames(rows, this.validator.nameClaimsOf(batch._id, redo));
    await this.work.publish([{ batchId: batch._id, phase: 'validate', chunk: rows[0].chunk, rows: rows.map(rowToValidate) }]);
    await this.batches.update(batch._id, { parsedRows });
  }
}
