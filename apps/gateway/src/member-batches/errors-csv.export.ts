import { Injectable } from '@nestjs/common';
import { type BatchErrorRowsCommand, type BatchErrorRowsPage, MembersRpc } from '@app/contracts';
import { errorsCsvChunksAsync, type ErrorsCsvRow } from '@app/csv-import';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../auth/admin-principal';

/** errors.csv: the rows with problems, in the file's own columns and delimiter, fetched page by page. */
@Injectable()
export class ErrorsCsvExport {
  constructor(private readonly members: MembersRpcClient) {}

  /** Asks for the first page before answering, so a missing batch is a clean 404. */
  async open(admin: AdminPrincipal, batchId: string): Promise<AsyncIterable<string>> {
    const first = await this.page(admin, batchId, 0);
    const rows = this.rows(admin, batchId, first);
    return errorsCsvChunksAsync({ headers: first.headers, delimiter: first.delimiter, rows });
  }

  private async *rows(admin: AdminPrincipal, batchId: string, first: BatchErrorRowsPage): AsyncGenerator<ErrorsCsvRow> {
    let page = first;
    for (;;) {
      yield* page.rows;
      if (page.nextAfterLine === null) return;
      page = await this.page(admin, batchId, page.nextAfterLine);
    }
  }

  private page(admin: AdminPrincipal, batchId: string, afterLine: number): Promise<BatchErrorRowsPage> {
    const command: BatchErrorRowsCommand = { ...admin, batchId, afterLine };
    return this.members.send(MembersRpc.BatchErrorRows, command);
  }
}
