import { Injectable } from '@nestjs/common';
import type { AccountStatus } from '@app/contracts';
import { type BatchChunk, chunkKey } from '../accounts/batch-chunk';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { ChunkStatusCountsRepository, type KnownChunkCounts, type StatusCounts } from '../accounts/persistence/chunk-status-counts.repository';
import { CompletedMigrationsRepository } from '../migrations/persistence/completed-migrations.repository';
import type { CountedRun } from '../paging/page-slices';
import { STATUS_COUNTS_MIGRATION } from './status-counts.migration';

/** Chunks counted side by side when many are marked: each is one read of at most a chunk's accounts. */
const RECOUNTS_AT_ONCE = 4;

/**
 * How many members of one status each chunk of an organization holds, so that a status filter
 * reads only the chunks its page shows (on FerretDB a count reads every document it counts, so
 * counting an organization's members of a status would read thousands). A chunk's counts are
 * kept in `chunk_status_counts`; every status change marks its chunk in `chunks_to_recount`
 * after writing the account, and a marked chunk is counted again from its own accounts (at most
 * a chunk's worth) before its counts are used (knownSizes).
 */
@Injectable()
export class StatusCountsOfChunks {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly chunkCounts: ChunkStatusCountsRepository,
    private readonly migrations: CompletedMigrationsRepository,
  ) {}

  /** `chunks`: the organization's chunks, each with how many members it still has; answers how many have `status`, by chunkKey. */
  async count(organizationId: string, chunks: CountedRun<BatchChunk>[], status: AccountStatus): Promise<Map<string, number>> {
    // The marks are read before any account, so a change written after this read leaves its chunk marked.
    const [known, upgraded] = await Promise.all([this.chunkCounts.ofOrganization(organizationId), this.migrations.isCompleted(STATUS_COUNTS_MIGRATION)]);
    const { sizes, toCount } = knownSizes(chunks, known, upgraded, status);
    const recount = async (): Promise<void> => {
      for (let next = toCount.pop(); next; next = toCount.pop()) {
        const { chunk, mark } = next;
        const counts = countStatuses(await this.accounts.statusesInChunk(chunk.batchId, chunk.chunk));
        await this.chunkCounts.saveCounts({ organizationId, ...chunk }, counts, mark);
        sizes.set(chunkKey(chunk.batchId, chunk.chunk), counts[status] ?? 0);
      }
    };
    await Promise.all(Array.from({ length: RECOUNTS_AT_ONCE }, recount));
    return sizes;
  }
}

/** A chunk to count from its accounts, and the mark that asked for it (null: none, it was never counted). */
interface ChunkToCount {
  chunk: BatchChunk;
  mark: string | null;
}

/**
 * How many members of `status` the chunks hold, for those whose counts can be trusted, and the
 * others to count: those marked, and those never counted while chunks of before 0.7 may be
 * unmarked (`upgraded` false). A chunk never counted and never marked has its members as the
 * commit created them, all pending (`size`: those it still has).
 */
export function knownSizes(chunks: CountedRun<BatchChunk>[], { counted, marks }: KnownChunkCounts, upgraded: boolean, status: AccountStatus): { sizes: Map<string, number>; toCount: ChunkToCount[] } {
  const sizes = new Map<string, number>();
  const toCount: ChunkToCount[] = [];
  for (const { run: chunk, size } of chunks) {
    const key = chunkKey(chunk.batchId, chunk.chunk);
    const mark = marks.get(key) ?? null;
    const counts = counted.get(key);
    if (mark === null && counts) sizes.set(key, counts[status] ?? 0);
    else if (mark === null && upgraded) sizes.set(key, status === 'pending_activation' ? size : 0);
    else toCount.push({ chunk, mark });
  }
  return { sizes, toCount };
}

export function countStatuses(statuses: AccountStatus[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
