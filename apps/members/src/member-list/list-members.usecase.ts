import { Injectable } from '@nestjs/common';
import type { ListMembersCommand, MemberAccountView, MembersQuery, Page } from '@app/contracts';
import { toMemberAccountView } from '../accounts/account-view';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../accounts/persistence/deleted-accounts.repository';
import { ChunkReportsRepository } from '../member-batches/persistence/chunk-reports.repository';
import { type CommittedBatch, MemberBatchesRepository } from '../member-batches/persistence/member-batches.repository';
import { type CountedRun, sliceRuns } from '../paging/page-slices';

interface BatchChunk {
  batchId: string;
  chunk: number;
}

/**
 * An organization's members, a page at a time. Without a search or a status filter, the list is
 * in the order batches created them, chunk by chunk: how many members each batch and each chunk
 * created is already recorded, so a page reads only the one or two chunks it shows (on FerretDB,
 * sorting or counting the members would read them all), less the members deleted from each chunk
 * (their tombstones, one read of the organization's). A search, a status or a type filter reads
 * the organization's members.
 */
@Injectable()
export class ListMembersUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly deleted: DeletedAccountsRepository,
  ) {}

  async execute({ organizationId, query }: ListMembersCommand): Promise<Page<MemberAccountView>> {
    const page = query.status || query.type || query.q?.trim() ? await this.accounts.search(organizationId, query) : await this.inCommitOrder(organizationId, query);
    return { ...page, items: page.items.map(toMemberAccountView) };
  }

  private async inCommitOrder(organizationId: string, query: MembersQuery): Promise<Page<Account>> {
    const [committed, deletedByChunk] = await Promise.all([this.batches.committedIn(organizationId), this.deleted.countsByChunk(organizationId)]);
    const chunksOf = new ChunksOfBatches(this.reports, deletedByChunk);
    const batches: CountedRun<CommittedBatch>[] = await Promise.all(
      committed.map(async (batch) => ({ run: batch, size: await chunksOf.created(batch) })),
    );
    const total = batches.reduce((sum, batch) => sum + batch.size, 0);
    const batchSlices = sliceRuns(batches, (query.page - 1) * query.limit, query.limit);
    const chunkSlices = (await Promise.all(batchSlices.map(async ({ run, skip, take }) => sliceRuns(await chunksOf.chunks(run), skip, take)))).flat();
    const members = await Promise.all(chunkSlices.map(async ({ run, skip, take }) => (await this.accounts.inChunk(run.batchId, run.chunk)).slice(skip, skip + take)));
    return { items: members.flat(), page: query.page, limit: query.limit, total };
  }
}

/** How many members each chunk of a batch created and still has, read once per batch and list call. */
class ChunksOfBatches {
  private readonly read = new Map<string, Promise<CountedRun<BatchChunk>[]>>();

  /** `deletedByChunk`: members deleted since, keyed `<batchId>:<chunk>`. */
  constructor(
    private readonly reports: ChunkReportsRepository,
    private readonly deletedByChunk: Map<string, number>,
  ) {}

  async created(batch: CommittedBatch): Promise<number> {
    // Reports are read only for a completed batch that lost members.
    if (batch.status === 'completed' && ![...this.deletedByChunk.keys()].some((key) => key.startsWith(`${batch._id}:`))) return batch.counts.created;
    return (await this.chunks(batch)).reduce((sum, chunk) => sum + chunk.size, 0);
  }

  chunks(batch: CommittedBatch): Promise<CountedRun<BatchChunk>[]> {
    // A completed batch of one chunk needs no report: its only chunk created all its members.
    if (batch.status === 'completed' && batch.chunkCount === 1) return Promise.resolve([{ run: { batchId: batch._id, chunk: 0 }, size: this.remaining(batch._id, 0, batch.counts.created) }]);
    let chunks = this.read.get(batch._id);
    if (!chunks) {
      chunks = this.reports
        .committedChunks(batch._id)
        .then((committed) => committed.map((report) => ({ run: { batchId: batch._id, chunk: report.chunk }, size: this.remaining(batch._id, report.chunk, report.created) })));
      this.read.set(batch._id, chunks);
    }
    return chunks;
  }

  private remaining(batchId: string, chunk: number, created: number): number {
    return Math.max(0, created - (this.deletedByChunk.get(`${batchId}:${chunk}`) ?? 0));
  }
}
