import { Injectable } from '@nestjs/common';
import type { AccountStatus, AccountType, ListMembersCommand, MemberAccountView, MembersQuery, Page } from '@app/contracts';
import { toMemberAccountView } from '../accounts/account-view';
import type { Account } from '../accounts/account';
import { matchesSearch, searchLookup } from '../accounts/member-search';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../accounts/persistence/deleted-accounts.repository';
import { ChunkReportsRepository } from '../member-batches/persistence/chunk-reports.repository';
import { type CommittedBatch, MemberBatchesRepository } from '../member-batches/persistence/member-batches.repository';
import { CompletedMigrationsRepository } from '../migrations/persistence/completed-migrations.repository';
import { type CountedRun, sliceRuns } from '../paging/page-slices';
import { type BatchChunk, chunkKey } from '../accounts/batch-chunk';
import { ChunksOfBatches } from './chunks-of-batches';
import { listOrder } from './list-order';
import { SEARCH_KEYS_MIGRATION } from './search-keys.backfill';
import { StatusCountsOfChunks } from './status-counts-of-chunks';

/** A part of the list a page reads together: members already read, or a batch's chunks. */
type ListRun = { members: Account[] } | { batch: CommittedBatch };

/**
 * An organization's members, a page at a time, in one order (listOrder): the personal members that
 * joined it, then its batches' members chunk by chunk. How many members each batch and chunk
 * created is already recorded, so a plain page reads only the one or two chunks it shows (on
 * FerretDB, sorting or counting the members would read them all), less the members deleted from
 * each chunk (their tombstones, one read of the organization's). A search reads only the accounts
 * holding its key; a status filter, how many members of that status each chunk holds
 * (StatusCountsOfChunks), then the chunks a page shows.
 */
@Injectable()
export class ListMembersUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly deleted: DeletedAccountsRepository,
    private readonly migrations: CompletedMigrationsRepository,
    private readonly statusCounts: StatusCountsOfChunks,
  ) {}

  async execute({ organizationId, query }: ListMembersCommand): Promise<Page<MemberAccountView>> {
    const search = query.q?.trim();
    const found = search ? await this.searched(organizationId, search, query) : await this.inListOrder(organizationId, query);
    return { items: found.items.map(toMemberAccountView), page: query.page, limit: query.limit, total: found.total };
  }

  private async searched(organizationId: string, search: string, query: MembersQuery): Promise<Found> {
    const lookup = searchLookup(search);
    if (lookup === 'nothing') return { items: [], total: 0 };
    const key = lookup === 'every member' ? null : lookup.key;
    const [candidates, committed] = await Promise.all([this.searchCandidates(organizationId, key, query.status, query.type), this.batches.committedIn(organizationId)]);
    const members = candidates.filter((account) => matchesSearch(account, search)).sort(listOrder(committed.map((batch) => batch._id)));
    return { items: members.slice((query.page - 1) * query.limit, query.page * query.limit), total: members.length };
  }

  /** A search of one character, or any until every account has its search keys (the backfill after an upgrade), reads all the organization's members. */
  private async searchCandidates(organizationId: string, key: string | null, status?: AccountStatus, type?: AccountType): Promise<Account[]> {
    if (key !== null && (await this.migrations.isCompleted(SEARCH_KEYS_MIGRATION))) return this.accounts.withSearchKey(organizationId, key, status, type);
    return this.accounts.inOrganization(organizationId, status, type);
  }

  private async inListOrder(organizationId: string, query: MembersQuery): Promise<Found> {
    const { status, type } = query;
    const [personal, committed, deletedByChunk] = await Promise.all([
      type === 'business' ? [] : this.accounts.personalMembers(organizationId),
      type === 'personal' ? [] : this.batches.committedIn(organizationId),
      type === 'personal' ? new Map<string, number>() : this.deleted.countsByChunk(organizationId),
    ]);
    const order = listOrder(committed.map((batch) => batch._id));
    const runs: CountedRun<ListRun>[] = [];
    const joined = personal.filter((account) => !status || account.status === status).sort(order);
    if (joined.length > 0) runs.push({ run: { members: joined }, size: joined.length });

    const chunksOf = new ChunksOfBatches(this.reports, deletedByChunk);
    let chunkSize = (run: CountedRun<BatchChunk>): number => run.size;
    if (status && type !== 'personal') {
      const chunks = (await Promise.all(committed.map((batch) => chunksOf.chunks(batch)))).flat();
      const withStatus = await this.statusCounts.count(organizationId, chunks, status);
      chunkSize = (run) => withStatus.get(chunkKey(run.run.batchId, run.run.chunk)) ?? 0;
      runs.push(...(await Promise.all(committed.map(async (batch) => ({ run: { batch }, size: (await chunksOf.chunks(batch)).reduce((sum, chunk) => sum + chunkSize(chunk), 0) })))));
    } else {
      runs.push(...(await Promise.all(committed.map(async (batch) => ({ run: { batch }, size: await chunksOf.created(batch) })))));
    }

    const total = runs.reduce((sum, run) => sum + run.size, 0);
    const slices = sliceRuns(runs, (query.page - 1) * query.limit, query.limit);
    const pieces = await Promise.all(
      slices.map(async ({ run, skip, take }) => {
        if ('members' in run) return run.members.slice(skip, skip + take);
        const chunks = (await chunksOf.chunks(run.batch)).map((chunk) => ({ run: chunk.run, size: chunkSize(chunk) }));
        const read = sliceRuns(chunks, skip, take).map(async ({ run: chunk, skip: from, take: count }) => {
          const members = status ? await this.accounts.inChunkWithStatus(chunk.batchId, chunk.chunk, status) : await this.accounts.inChunk(chunk.batchId, chunk.chunk);
          return members.slice(from, from + count);
        });
        return (await Promise.all(read)).flat();
      }),
    );
    return { items: pieces.flat(), total };
  }
}

interface Found {
  items: Account[];
  total: number;
}
