import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'mongodb';
import { TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

/** The backend `npm run services:up` started: only FerretDB on PostgreSQL has GIN companions (on MongoDB the indexes serve the reads themselves). */
function servicesBackend(): string | undefined {
  const file = join(__dirname, '../var/services.env');
  if (!existsSync(file)) return undefined;
  return /^FERRETDB_BACKEND=(.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim();
}

/** Every index PostgreSQL would read for the query, from FerretDB's explain (PostgreSQL's own plan). */
function indexesRead(plan: Document): string[] {
  const names: string[] = [];
  const visit = (node: Document) => {
    if (typeof node['Index Name'] === 'string') names.push(node['Index Name']);
    for (const child of (node.Plans as Document[] | undefined) ?? []) visit(child);
  };
  visit(plan);
  return names;
}

(servicesBackend() === 'postgresql' ? describe : describe.skip)('FerretDB on PostgreSQL: equality reads use the GIN companions of the indexes', () => {
  const stack = new TestStack('ferretdb_indexes', rosterApps);

  async function indexesReadBy(collection: string, filter: Document): Promise<string[]> {
    const explained = await stack.db().command({ explain: { find: collection, filter } });
    expect(explained.queryPlanner?.Plan).toBeDefined();
    return indexesRead(explained.queryPlanner.Plan as Document);
  }

  beforeAll(async () => {
    await stack.start();
    const info = await stack.db().command({ buildInfo: 1 });
    expect(info.ferretdbVersion).toMatch(/^v1\./);
  });

  afterAll(() => stack.stop());

  it.each([
    ['a review page: a chunk of a batch', 'batch_rows', { batchId: 'b-1', chunk: 3 }],
    ['a status of a batch', 'batch_rows', { batchId: 'b-1', status: 'invalid' }],
    ['a member list page: a chunk of members', 'accounts', { batchId: 'b-1', chunk: 3 }],
    ['a member by id', 'accounts', { _id: 'a-1' }],
    ['a member by address', 'accounts', { emailNormalized: 'someone@example.com' }],
    ['a search key (an element of an array)', 'accounts', { organizationId: 'o-1', searchKeys: 'ma' }],
    ['a batch by id', 'member_batches', { _id: 'b-1' }],
  ])('%s (%s)', async (_what, collection, filter) => {
    const read = await indexesReadBy(collection, filter);
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((name) => name.endsWith('_gin'))).toBe(true);
  });

  it('gives an index created later its companion, and drops the companion with it', async () => {
    const collection = stack.db().collection('companion_probe');
    // Enough documents that PostgreSQL prefers an index to reading the table.
    await collection.insertMany(Array.from({ length: 2_000 }, (_, rank) => ({ _id: `p-${rank}`, group: `g-${rank % 400}`, rank }) as Document));
    expect(await indexesReadBy('companion_probe', { group: 'g-7' })).toEqual([]);

    await collection.createIndex({ group: 1, rank: 1 });
    expect(await indexesReadBy('companion_probe', { group: 'g-7' })).toEqual([expect.stringMatching(/_gin$/)]);
    expect((await collection.find({ group: 'g-7' }).toArray()).map((document) => document.rank).sort((a, b) => a - b)).toEqual([7, 407, 807, 1207, 1607]);

    await collection.dropIndex('group_1_rank_1');
    expect(await indexesReadBy('companion_probe', { group: 'g-7' })).toEqual([]);
  });
});
