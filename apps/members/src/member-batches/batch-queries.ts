import { Injectable } from '@nestjs/common';
import type { BatchCommand, BatchRowView, ListBatchRowsCommand, MemberBatchView, Page } from '@app/contracts';
import { BatchLookup } from './batch-lookup';
import { BatchProgressReader } from './batch-progress';
import { toBatchRowView, toBatchView } from './batch-view';
import { BatchRowsRepository } from './persistence/batch-rows.repository';

@Injectable()
export class BatchQueries {
  constructor(
    private readonly lookup: BatchLookup,
    private readonly rows: BatchRowsRepository,
    private readonly progress: BatchProgressReader,
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
}
