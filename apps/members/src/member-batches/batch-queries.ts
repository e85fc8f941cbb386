import { Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, type BatchCommand, type BatchErrorRowsCommand, type BatchErrorRowsPage, type BatchRowView, type BatchSummaryQuery, type BatchSummaryRecipient, type ListBatchesCommand, type ListBatchRowsCommand, type MemberBatchView, type Page } from '@app/contracts';
import { AdminsRepository } from '../organizations/persistence/admins.repository';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { BatchLookup } from './batch-lookup';
import { BatchProgressReader } from './batch-progress';
import { toBatchRowView, toBatchView } from './batch-view';
import type { BatchRow } from './batch-row';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import type { CommittedChunk } from './chunk-report';
import { ChunkReportsRepository } from './persistence/chunk-reports.repository';
import { sliceRuns } from '../paging/page-slices';
import { MemberBatchesRepository } from './persistence/member-batches.repository';
import { ReviewedRowsPager } from './reviewed-rows-pager';
import { outcomeOf, type RowOutcome } from './row-outcome';

const ERROR_ROWS_PAGE = 500;
/** A page of errors.csv is cut short past this many bytes of rows: the answer travels on the broker (16 MiB at most). */
const ERROR_ROWS_PAGE_BYTES = 4 * 1024 * 1024;

@Injectable()
export class BatchQueries {
  constructor(
    private readonly lookup: BatchLookup,
    private readonly rows: BatchRowsRepository,
    private readonly progress: BatchProgressReader,
    private readonly batches: MemberBatchesRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly admins: AdminsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly reviewedRows: ReviewedRowsPager,
  ) {}

  async getBatch(command: BatchCommand): Promise<MemberBatchView> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const view = toBatchView(batch);
    view.progress = await this.progress.read(batch);
    return view;
  }

  /** The organization's batches, newest first, as `getBatch` shows them (without rows). */
  async listBatches({ organizationId, query }: ListBatchesCommand): Promise<Page<MemberBatchView>> {
    const batches = await this.batches.newestIn(organizationId, query.page, query.limit);
    // Only a batch that is validating or committing reads its reports for its progress.
    const items = await Promise.all(batches.items.map(async (batch) => ({ ...toBatchView(batch), progress: await this.progress.read(batch) })));
    return { ...batches, items };
  }

  async listRows(command: ListBatchRowsCommand): Promise<Page<BatchRowView>> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const { status, page, limit } = command.query;
    if (!batch.commitStartedAt) {
      if (status === 'created' || status === 'invited' || status === 'failed') return { items: [], page, limit, total: 0 };
      const rows = (await this.reviewedRows.page(batch, status, page, limit)) ?? (await this.rows.page(batch._id, status, page, limit));
      return { ...rows, items: rows.items.map((row) => toBatchRowView(row)) };
    }
    if (status === 'created' || status === 'invited' || status === 'failed') return this.committedRows(batch._id, status, page, limit);
    const tallies = await this.reports.committedChunks(batch._id);
    if (status === 'valid') {
      // Every valid row of a committed chunk was created, invited or failed: the rows still to commit are the others.
      const rows = await this.rows.page(batch._id, 'valid', page, limit, tallies.map((tally) => tally.chunk));
      return { ...rows, items: rows.items.map((row) => toBatchRowView(row)) };
    }
    const rows = await this.rows.page(batch._id, status, page, limit);
    const outcomes = await this.outcomesOf(batch._id, rows.items, tallies);
    return { ...rows, items: rows.items.map((row) => toBatchRowView(row, outcomes.get(row._id))) };
  }

  /**
   * Created, invited or failed rows, in chunk then line order, from the committed chunks' reports:
   * their tallies say which chunks a page reads; a row's outcome is its notable one, else what it
   * was reviewed as (an invitation row was invited, another created).
   */
  private async committedRows(batchId: string, status: 'created' | 'invited' | 'failed', page: number, limit: number): Promise<Page<BatchRowView>> {
    const committed = await this.reports.committedChunks(batchId);
    const total = committed.reduce((sum, report) => sum + report[status], 0);
    const slices = sliceRuns(committed.map((report) => ({ run: report.chunk, size: report[status] })), (page - 1) * limit, limit);
    const notable = await this.reports.notableOutcomes(batchId, slices.map((slice) => slice.run));
    const items: BatchRowView[] = [];
    for (const { run: chunk, skip, take } of slices) {
      const rows = (await this.rows.findChunk(batchId, chunk)).filter((row) => row.status === 'valid');
      const matching = rows.map((row) => ({ row, outcome: outcomeOf(row, notable) })).filter(({ outcome }) => outcome.status === status);
      items.push(...matching.slice(skip, skip + take).map(({ row, outcome }) => toBatchRowView(row, outcome)));
    }
    return { items, page, limit, total };
  }

  /** The outcomes of those rows that were committed. */
  private async outcomesOf(batchId: string, rows: BatchRow[], tallies: CommittedChunk[]): Promise<Map<string, RowOutcome>> {
    const committedChunks = new Set(tallies.map((tally) => tally.chunk));
    const committed = rows.filter((row) => row.status === 'valid' && committedChunks.has(row.chunk));
    const notable = await this.reports.notableOutcomes(batchId, [...new Set(committed.map((row) => row.chunk))]);
    return new Map(committed.map((row) => [row._id, outcomeOf(row, notable)]));
  }

  /** The rows with problems, in line order, a page at a time, for errors.csv. */
  async errorRows(command: BatchErrorRowsCommand): Promise<BatchErrorRowsPage> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const invalid = await this.rows.afterLine(batch._id, 'invalid', command.afterLine, ERROR_ROWS_PAGE);
    const failed = await this.failedRowsAfter(batch._id, command.afterLine);
    const sorted = [...invalid, ...failed].sort((a, b) => a.line - b.line).slice(0, ERROR_ROWS_PAGE);
    // Rows with long cells make a shorter page, so that the answer stays far below the broker's message limit.
    const rows: BatchErrorRowsPage['rows'] = [];
    let bytes = Buffer.byteLength(JSON.stringify(batch.headers));
    for (const row of sorted) {
      const errorRow = {
        line: row.line,
        cells: row.cells,
        errorCode: row.problems.map((problem) => problem.code).join(' '),
        errorMessage: row.problems.map((problem) => problem.message).join(' '),
      };
      bytes += Buffer.byteLength(JSON.stringify(errorRow));
      if (rows.length > 0 && bytes > ERROR_ROWS_PAGE_BYTES) break;
      rows.push(errorRow);
    }
    return {
      headers: batch.headers,
      delimiter: batch.delimiter,
      rows,
      nextAfterLine: rows.length < sorted.length || sorted.length === ERROR_ROWS_PAGE ? rows[rows.length - 1].line : null,
    };
  }

  /** Rows whose commit failed (rare), with the commit's problems, after a line. */
  private async failedRowsAfter(batchId: string, afterLine: number): Promise<BatchRow[]> {
    const failed: BatchRow[] = [];
    for (const { chunk } of (await this.reports.committedChunks(batchId)).filter((tally) => tally.failed > 0)) {
      const outcomes = [...(await this.reports.notableOutcomes(batchId, [chunk])).values()].filter((outcome) => outcome.status === 'failed' && outcome.line > afterLine);
      if (outcomes.length === 0) continue;
      const rows = new Map((await this.rows.findChunk(batchId, chunk)).map((row) => [row._id, row]));
      for (const outcome of outcomes) {
        const row = rows.get(outcome.rowId);
        if (row) failed.push({ ...row, problems: outcome.problems });
      }
    }
    return failed;
  }

  /** For the notifications service: who started the batch, in which language to write to them. */
  async summaryRecipient(query: BatchSummaryQuery): Promise<BatchSummaryRecipient> {
    const batch = await this.batches.findById(query.batchId);
    const admin = batch ? await this.admins.findById(batch.createdByAdminId) : null;
    if (!batch || !admin) throw DomainError.notFound('This batch');
    const organization = await this.organizations.findById(batch.organizationId);
    return {
      batchId: batch._id,
      adminEmail: admin.email,
      locale: admin.locale ?? organization?.locale ?? DEFAULT_LOCALE,
      organizationName: organization?.name ?? '',
      source: batch.source,
      fileName: batch.fileName,
    };
  }
}
