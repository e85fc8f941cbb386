import type { OrganizationsRepository } from '../../organizations/persistence/organizations.repository';
import type { RowToCommit } from '../batch-row';
import type { MemberBatch } from '../member-batch';
import type { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import type { BatchWorkEnqueuer } from './batch-work.enqueuer';
import type { BatchWorkJob } from './batch-work.queue';
import { ScheduleCommitProcessor } from './schedule-commit.processor';

function row(line: number, passwordHash: string | null): RowToCommit {
  return { _id: `row-${line}`, line, emailNormalized: `m${line}@contoso.example`, userName: null, firstName: null, lastName: null, accountName: `member${line}`, suggestions: [], passwordHash };
}

describe('ScheduleCommitProcessor', () => {
  it('carries the snapshot rows of a chunk in its commit job, but never a password hash: such a chunk is read by its worker', async () => {
    const snapshots = {
      async *streamBatch() {
        yield { chunk: 0, rows: [row(1, null), row(2, null)] };
        yield { chunk: 1, rows: [row(3, null), row(4, '$scrypt$hash-of-an-admin-set-password')] };
      },
    } as unknown as ChunkSnapshotsRepository;
    const organizations = { findById: async () => ({ name: 'Contoso', locale: 'fr' }) } as unknown as OrganizationsRepository;
    const published: BatchWorkJob[] = [];
    const work = { publish: async (jobs: BatchWorkJob[]) => void published.push(...jobs) } as unknown as BatchWorkEnqueuer;

    await new ScheduleCommitProcessor(snapshots, organizations, work).process({ _id: 'batch-1', organizationId: 'org-1', chunkCount: 3 } as MemberBatch, false);

    expect(published.map((job) => [job.chunk, job.rowsToCommit?.map((carried) => carried._id)])).toEqual([
      [0, ['row-1', 'row-2']],
      [1, undefined],
      [2, undefined],
    ]);
    expect(JSON.stringify(published)).not.toContain('$scrypt$');
  });
});
