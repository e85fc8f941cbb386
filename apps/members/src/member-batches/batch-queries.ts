import { Injectable } from '@nestjs/common';
import type { BatchCommand, BatchErrorRowsCommand, BatchErrorRowsPage, BatchRowView, BatchSummaryQuery, BatchSummaryRecipient, ListBatchRowsCommand, MemberBatchView, Page } from '@app/contracts';
import { AdminsRepository } from '../organizations/persistence/admins.repository';
import { OrganizationsRepository } from '../organizations/persistence/organizations.repository';
import { DomainError } from '../rpc/domain.error';
import { BatchLookup } from './batch-lookup';
import { BatchProgressReader } from './batch-progress';
import { toBatchRowView, toBatchView } from './batch-view';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

const ERROR_ROWS_PAGE = 500;

@Injectable()
export class BatchQueries {
  constructor(
    private readonly lookup: BatchLookup,
    private readonly rows: BatchRowsRepository,
    private readonly progress: BatchProgressReader,
    private readonly batches: MemberBatchesRepository,
    private readonly admins: AdminsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async getBatch(command: BatchCommand): Promise<MemberBatchView> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const view = toBatchView(batch);
    view.progress = await this.progress.read(batch);
    return view;
  }

  async listRows(command: ListBatchRowsCommand): Promise<Page<BatchRowView>> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const page = await this.rows.page(batch._id, command.query.status, command.query.page, command.query.limit);
    return { ...page, items: page.items.map(toBatchRowView) };
  }

  /** The rows with problems, in line order, a page at a time, for errors.csv. */
  async errorRows(command: BatchErrorRowsCommand): Promise<BatchErrorRowsPage> {
    const batch = await this.lookup.find(command.organizationId, command.batchId);
    const [invalid, failed] = await Promise.all(
      (['invalid', 'failed'] as const).map((status) => this.rows.afterLine(batch._id, status, command.afterLine, ERROR_ROWS_PAGE)),
    );
    const page = [...invalid, ...failed].sort((a, b) => a.line - b.line).slice(0, ERROR_ROWS_PAGE);
    return {
      headers: batch.headers,
      delimiter: batch.delimiter,
      rows: page.map((row) => ({
        line: row.line,
        cells: row.cells,
        errorCode: row.problems.map((problem) => problem.code).join(' '),
        errorMessage: row.problems.map((problem) => problem.message).join(' '),
      })),
      nextAfterLine: page.length === ERROR_ROWS_PAGE ? page[page.length - 1].line : null,
    };
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
      locale: admin.locale ?? organization?.locale ?? 'en',
      organizationName: organization?.name ?? '',
      source: batch.source,
      fileName: batch.fileName,
    };
  }
}
