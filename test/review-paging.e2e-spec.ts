import type { BatchRowView } from '@app/contracts';
import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { ReviewedRowsPager } from '../apps/members/src/member-batches/reviewed-rows-pager';
import { BatchLookup } from '../apps/members/src/member-batches/batch-lookup';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const ROWS = 1_300;
/** Rows whose requested user name is too short to be an account name: invalid until the admin picks one. */
const shortName = (index: number) => index % 97 === 5;
const badEmail = (index: number) => index % 9 === 4;

function directoryCsv(): string {
  const lines = ['email;username'];
  for (let index = 0; index < ROWS; index += 1) {
    const email = badEmail(index) ? `broken.${index}@@review.example` : `person.${index}@review.example`;
    lines.push(`${email};${shortName(index) ? 'zz' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('paging a reviewed batch, chunk by chunk', () => {
  const stack = new TestStack('review_paging', rosterApps);
  let admin: SignedInAdmin;
  let batchId: string;

  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  /** The rows of a status in line order, straight from the database: what every page must agree with. */
  async function storedRows(status?: 'valid' | 'invalid'): Promise<string[]> {
    const rows = await stack
      .db()
      .collection<{ _id: string; line: number }>('batch_rows')
      .find({ batchId, ...(status ? { status } : {}) })
      .toArray();
    return rows.sort((a, b) => a.line - b.line).map((row) => row._id);
  }

  async function pagedRows(status: 'valid' | 'invalid' | undefined, limit: number): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page += 1) {
      const query = `limit=${limit}&page=${page}${status ? `&status=${status}` : ''}`;
      const body = (await stack.http().get(`/api/v1/member-batches/${batchId}/rows?${query}`).set(auth()).expect(200)).body as { items: BatchRowView[]; total: number };
      totals.push(body.total);
      ids.push(...body.items.map((row) => row.id));
      if (body.items.length < limit) return { ids, totals };
    }
  }

  beforeAll(async () => {
    await stack.start();
    admin = await stack.signInNewAdmin('Review Paging', 'admin@review.example');
    const uploaded = (await stack.http().post('/api/v1/member-batches').set(auth()).attach('file', Buffer.from(directoryCsv()), 'review.csv').expect(202)).body;
    batchId = uploaded.id;
    await eventually(async () => ((await stack.http().get(`/api/v1/member-batches/${batchId}`).set(auth())).body.status === 'ready' ? true : undefined), 60_000, 'the batch ready');
  });

  afterAll(() => stack.stop());

  it('answers every page of every status as the rows stand, before and after edits move rows between statuses', async () => {
    const check = async () => {
      for (const status of ['valid', 'invalid', undefined] as const) {
        const expected = await storedRows(status);
        // 120 rows a page straddles the chunks of 500 rows; 500 a page reads whole ones.
        for (const limit of [120, 500]) {
          const paged = await pagedRows(status, limit);
          expect(paged.ids).toEqual(expected);
          expect(new Set(paged.totals)).toEqual(new Set([expected.length]));
        }
      }
    };
    await check();

    // Fix three rows with problems in the second and third chunks: they become valid there.
    const invalid = (await stack.http().get(`/api/v1/member-batches/${batchId}/rows?status=invalid&limit=500`).set(auth()).expect(200)).body.items as BatchRowView[];
    const fixable = invalid.filter((row) => row.line > 500 && row.errors.every((problem) => problem.code === 'invalid_account_name')).slice(0, 3);
    expect(fixable).toHaveLength(3);
    for (const [index, row] of fixable.entries()) {
      await stack.http().patch(`/api/v1/member-batches/${batchId}/rows/${row.id}`).set(auth()).send({ accountName: `review_fixed_${index}` }).expect(200);
    }
    await check();
  });

  it('reads the chunks that hold a page rather than every row of the status', async () => {
    const batch = await stack.members!.app.get(BatchLookup).find(admin.organizationId, batchId);
    const pager = stack.members!.app.get(ReviewedRowsPager);
    const page = await pager.page(batch, 'valid', 12, 50);
    expect(page).not.toBeNull();
    expect(page!.items.map((row) => row._id)).toEqual((await storedRows('valid')).slice(550, 600));
  });
});
