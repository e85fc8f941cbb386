import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { AccountsRepository } from '../apps/members/src/accounts/persistence/accounts.repository';
import { ChunkStatusCountsRepository } from '../apps/members/src/accounts/persistence/chunk-status-counts.repository';
import { STATUS_COUNTS_MIGRATION, StatusCountsMigration } from '../apps/members/src/member-list/status-counts.migration';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

/** Three chunks of the batch's commit (500 rows a chunk). */
const ROWS = 1_050;
const FIRST = ['Hélène', 'Zoë', 'Jean', 'Émile', 'Ana'];
const LAST = ['Lefèvre', 'Dupont', 'Núñez', "O'Brien", 'Groß', 'Martin', 'Petit'];
const ascii = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace('ß', 'ss').replace(/[^A-Za-z]/g, '').toLowerCase();
const person = (index: number) => {
  const firstName = FIRST[index % FIRST.length];
  const lastName = LAST[Math.floor(index / FIRST.length) % LAST.length];
  return { firstName, lastName, email: `${ascii(firstName)}.${ascii(lastName)}.${index}@list.example` };
};
/** The status each imported member is given, by line. */
const statusOf = (index: number) => (index % 100 === 7 ? 'suspended' : index % 10 === 3 ? 'active' : 'pending_activation');

interface StoredMember {
  _id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: string;
  chunk: number | null;
}

interface ListedMember {
  id: string;
  email: string;
  type: string;
  status: string;
}

describe('the members list: personal members that joined, status and type filters, search, paging', () => {
  const stack = new TestStack('member_list', rosterApps);
  let admin: SignedInAdmin;
  /** The batch's members in list order (chunk by chunk, by id), as stored. */
  let imported: StoredMember[];
  const personal = { newer: '', older: '' };

  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  /** Every page of a listing, checking that each says the same total; answers the ids and that total. */
  async function allPages(query: string, limit: number): Promise<{ ids: string[]; total: number; members: ListedMember[] }> {
    const members: ListedMember[] = [];
    const totals = new Set<number>();
    for (let page = 1; ; page += 1) {
      const body = (await stack.http().get(`/api/v1/members?${query}&limit=${limit}&page=${page}`).set(auth()).expect(200)).body as { items: ListedMember[]; total: number };
      totals.add(body.total);
      members.push(...body.items);
      if (body.items.length < limit) break;
    }
    expect([...totals]).toHaveLength(1);
    return { ids: members.map((member) => member.id), total: [...totals][0], members };
  }

  beforeAll(async () => {
    await stack.start();
    admin = await stack.signInNewAdmin('Member List', 'admin@list.example');
    const lines = Array.from({ length: ROWS }, (_, index) => person(index)).map(({ email, firstName, lastName }) => `${email};${firstName};${lastName}`);
    const csv = ['Email;Prénom;Nom', ...lines].join('\n');
    const batch = (await stack.http().post('/api/v1/member-batches').set(auth()).attach('file', Buffer.from(`${csv}\n`), 'staff.csv').expect(202)).body;
    await eventually(async () => ((await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth())).body.status === 'ready' ? true : undefined), 60_000, 'the batch ready');
    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth()).expect(202);
    await eventually(async () => ((await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth())).body.status === 'completed' ? true : undefined), 90_000, 'the batch committed');

    const accounts = stack.db().collection<StoredMember & { batchId: string }>('accounts');
    const lineOf = new Map(Array.from({ length: ROWS }, (_, index) => [person(index).email, index]));
    const created = await accounts.find({ batchId: batch.id }).toArray();
    expect(created).toHaveLength(ROWS);
    // Members activate as a link's activation writes them, and the admin suspends others through the API.
    const repository = stack.members!.app.get(AccountsRepository);
    for (const member of created) {
      const status = statusOf(lineOf.get(member.email)!);
      if (status === 'active') await repository.activate(member._id, { passwordHash: 'scrypt$not-used', firstName: member.firstName, lastName: member.lastName, activatedAt: new Date(), sessionVersion: 1 });
      if (status === 'suspended') await stack.http().post(`/api/v1/members/${member._id}/suspension`).set(auth()).expect(200);
    }
    imported = (await accounts.find({ batchId: batch.id }).toArray()).sort((a, b) => a.chunk! - b.chunk! || (a._id < b._id ? -1 : 1));
    expect(imported.filter((member) => member.status !== statusOf(lineOf.get(member.email)!))).toEqual([]);
    expect(new Set(imported.map((member) => member.chunk))).toEqual(new Set([0, 1, 2]));

    // Personal accounts that joined through an invitation, as accepting one leaves them; and one in no organization.
    const personalAccount = (id: string, email: string, firstName: string, lastName: string, organizationId: string | null, joinedAt: Date | null) => ({
      _id: id,
      type: 'personal' as const,
      organizationId,
      joinedAt,
      email,
      emailNormalized: email.toLowerCase(),
      accountName: email.split('@')[0].toLowerCase(),
      firstName,
      lastName,
      status: 'active' as const,
      passwordHash: null,
      mustChangePassword: false,
      locale: 'en' as const,
      batchId: null,
      chunk: null,
      createdAt: new Date('2025-01-01T00:00:00Z'),
      activatedAt: new Date('2025-01-01T00:00:00Z'),
    });
    personal.older = '00000000-0000-4000-8000-000000000001';
    personal.newer = '00000000-0000-4000-8000-000000000002';
    await repository.insertOne(personalAccount(personal.older, 'Oscar.Quinn@personal.example', 'Oscar', 'Quinn', admin.organizationId, new Date('2026-01-01T00:00:00Z')));
    await repository.insertOne(personalAccount(personal.newer, 'zoe.lef@personal.example', 'Zoé', 'Lefèvre', admin.organizationId, new Date('2026-06-01T00:00:00Z')));
    await repository.insertOne(personalAccount('00000000-0000-4000-8000-000000000003', 'lefevre.alone@personal.example', 'Léa', 'Lefèvre', null, null));

    // The search keys' backfill ends at the first start; until then a search reads every member.
    await eventually(async () => ((await stack.db().collection('completed_migrations').findOne({ _id: 'accounts-keep-search-keys' as never })) ? true : undefined), 30_000, 'the search keys backfilled');
  });

  afterAll(() => stack.stop());

  it('lists the personal members that joined first, newest first, then the batch chunk by chunk, on every page', async () => {
    const listed = await allPages('', 173);
    expect(listed.total).toBe(ROWS + 2);
    expect(listed.ids).toEqual([personal.newer, personal.older, ...imported.map((member) => member._id)]);
    expect(listed.members.slice(0, 2).map((member) => member.type)).toEqual(['personal', 'personal']);
  });

  it.each(['pending_activation', 'active', 'suspended'])('pages through the %s members in list order with the right total', async (status) => {
    const expected = [...(status === 'active' ? [personal.newer, personal.older] : []), ...imported.filter((member) => member.status === status).map((member) => member._id)];
    const listed = await allPages(`status=${status}`, 61);
    expect(listed.total).toBe(expected.length);
    expect(listed.ids).toEqual(expected);
    const second = (await stack.http().get(`/api/v1/members?status=${status}&limit=7&page=2`).set(auth()).expect(200)).body;
    expect(second.items.map((member: ListedMember) => member.id)).toEqual(expected.slice(7, 14));
  });

  it('filters by type, alone and with a status', async () => {
    expect((await allPages('type=personal', 50)).ids).toEqual([personal.newer, personal.older]);
    expect((await allPages('type=personal&status=suspended', 50)).ids).toEqual([]);
    const business = await allPages('type=business&status=suspended', 4);
    expect(business.ids).toEqual(imported.filter((member) => member.status === 'suspended').map((member) => member._id));
    expect((await allPages('type=business', 500)).total).toBe(ROWS);
  });

  it('finds the beginning of a name, an email, an account name or a domain, whatever the case and accents, across chunks', async () => {
    const lefevre = imported.filter((member) => member.lastName === 'Lefèvre').map((member) => member._id);
    expect(new Set(imported.filter((member) => member.lastName === 'Lefèvre').map((member) => member.chunk))).toEqual(new Set([0, 1, 2]));
    const found = await allPages('q=LEFEVRE', 20);
    expect(found.total).toBe(lefevre.length + 1);
    expect(found.ids).toEqual([personal.newer, ...lefevre]);
    const second = (await stack.http().get('/api/v1/members?q=lef%C3%A8&limit=20&page=2').set(auth()).expect(200)).body;
    expect(second.items.map((member: ListedMember) => member.id)).toEqual([personal.newer, ...lefevre].slice(20, 40));

    const heleneLefevre = imported.filter((member) => member.firstName === 'Hélène' && member.lastName === 'Lefèvre').map((member) => member._id);
    expect((await allPages(`q=${encodeURIComponent('  helene lef ')}`, 50)).ids).toEqual(heleneLefevre);
    expect((await allPages(`q=${encodeURIComponent('lefèvre hélè')}`, 50)).ids).toEqual(heleneLefevre);
    expect((await allPages('q=obrien', 500)).ids).toEqual(imported.filter((member) => member.lastName === "O'Brien").map((member) => member._id));
    expect((await allPages('q=gross', 500)).ids).toEqual(imported.filter((member) => member.lastName === 'Groß').map((member) => member._id));
    expect((await allPages(`q=${encodeURIComponent('emile.nunez.')}`, 500)).ids).toEqual(imported.filter((member) => member.email.startsWith('emile.nunez.')).map((member) => member._id));
    expect((await allPages('q=list.example', 500)).total).toBe(ROWS);
    expect((await allPages('q=oscar.quinn%40personal', 50)).ids).toEqual([personal.older]);
    expect((await allPages('q=ef%C3%A8vre', 50)).total).toBe(0);
    expect((await allPages('q=example', 50)).total).toBe(0);
  });

  it('combines a search with status and type filters', async () => {
    const activeDupont = imported.filter((member) => member.lastName === 'Dupont' && member.status === 'active').map((member) => member._id);
    expect(activeDupont.length).toBeGreaterThan(0);
    expect((await allPages('q=dupont&status=active', 5)).ids).toEqual(activeDupont);
    expect((await allPages('q=lefevre&type=personal', 50)).ids).toEqual([personal.newer]);
    const businessActive = imported.filter((member) => member.lastName === 'Lefèvre' && member.status === 'active').map((member) => member._id);
    expect((await allPages('q=lefevre&type=business&status=active', 50)).ids).toEqual(businessActive);
  });

  it('keeps each status filter right as members change status or go between two listings', async () => {
    const listed = async (status: string) => allPages(`type=business&status=${status}`, 100);
    const pendingBefore = await listed('pending_activation');
    const suspendedBefore = await listed('suspended');
    const [suspended, deleted] = [pendingBefore.ids[0], pendingBefore.ids[600]];

    await stack.http().post(`/api/v1/members/${suspended}/suspension`).set(auth()).expect(200);
    await stack.http().delete(`/api/v1/members/${deleted}`).set(auth()).expect(204);
    const pending = await listed('pending_activation');
    expect(pending.ids).toEqual(pendingBefore.ids.filter((id) => id !== suspended && id !== deleted));
    expect((await listed('suspended')).ids).toEqual(imported.filter((member) => member._id === suspended || suspendedBefore.ids.includes(member._id)).map((member) => member._id));

    await stack.http().delete(`/api/v1/members/${suspended}/suspension`).set(auth()).expect(200);
    expect((await listed('pending_activation')).ids).toEqual(pendingBefore.ids.filter((id) => id !== deleted));
    expect((await listed('suspended')).ids).toEqual(suspendedBefore.ids);
    imported = imported.filter((member) => member._id !== deleted);
  });

  it('keeps a chunk marked when its status changes again while it is counted', async () => {
    const marks = stack.members!.app.get(ChunkStatusCountsRepository);
    const chunk = { organizationId: 'marks-only', batchId: 'batch-of-marks', chunk: 0 };
    await Promise.all(Array.from({ length: 5 }, () => marks.markToRecount(chunk)));
    const seen = (await marks.ofOrganization('marks-only')).marks.get('batch-of-marks:0');
    expect(seen).toEqual(expect.any(String));

    await marks.markToRecount(chunk);
    await marks.saveCounts(chunk, { active: 1 }, seen!);
    const after = await marks.ofOrganization('marks-only');
    expect(after.counted.get('batch-of-marks:0')).toEqual({ active: 1 });
    expect(after.marks.get('batch-of-marks:0')).not.toEqual(seen);

    await marks.saveCounts(chunk, { active: 2 }, after.marks.get('batch-of-marks:0')!);
    expect((await marks.ofOrganization('marks-only')).marks.size).toBe(0);
  });

  it('counts again, after the upgrade to 0.7, the chunks whose members changed status before it', async () => {
    // As 0.6 left them: statuses changed with no chunk marked, and no counts kept.
    const active = imported.filter((member) => member.status === 'active').slice(0, 3).map((member) => member._id);
    await stack.db().collection('accounts').updateMany({ _id: { $in: active as never[] } }, { $set: { status: 'suspended' } });
    await Promise.all(['chunk_status_counts', 'chunks_to_recount'].map((name) => stack.db().collection(name).deleteMany({})));
    await stack.db().collection('completed_migrations').deleteOne({ _id: STATUS_COUNTS_MIGRATION as never });

    const suspended = imported.filter((member) => member.status === 'suspended' || active.includes(member._id)).map((member) => member._id);
    expect((await allPages('type=business&status=suspended', 5)).ids).toEqual(suspended);
    const migration = stack.members!.app.get(StatusCountsMigration);
    await migration.run();
    expect(await stack.db().collection('chunks_to_recount').countDocuments()).toBe(3);
    expect((await allPages('type=business&status=suspended', 5)).ids).toEqual(suspended);
    expect(await stack.db().collection('chunks_to_recount').countDocuments()).toBe(0);
    expect((await allPages('type=business&status=active', 50)).total).toBe(imported.filter((member) => member.status === 'active').length - active.length);

    await stack.db().collection('accounts').updateMany({ _id: { $in: active as never[] } }, { $set: { status: 'active' } });
    await stack.db().collection('completed_migrations').deleteOne({ _id: STATUS_COUNTS_MIGRATION as never });
    await migration.run();
  });

  it('stops listing a personal member that left', async () => {
    await stack.db().collection('accounts').updateOne({ _id: personal.older as never }, { $set: { organizationId: null, joinedAt: null } });
    expect((await allPages('type=personal', 50)).ids).toEqual([personal.newer]);
    expect((await allPages('q=oscar', 50)).total).toBe(0);
    expect((await allPages('', 500)).total).toBe(imported.length + 1);
    await stack.db().collection('accounts').updateOne({ _id: personal.older as never }, { $set: { organizationId: admin.organizationId, joinedAt: new Date('2026-01-01T00:00:00Z') } });
  });
});
