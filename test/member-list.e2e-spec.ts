import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { AccountsRepository } from '../apps/members/src/accounts/persistence/accounts.repository';
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
    for (const status of ['active', 'suspended']) {
      const emails = [...lineOf].filter(([, index]) => statusOf(index) === status).map(([email]) => email);
      await accounts.updateMany({ email: { $in: emails } }, { $set: { status } });
    }
    imported = (await accounts.find({ batchId: batch.id }).toArray()).sort((a, b) => a.chunk! - b.chunk! || (a._id < b._id ? -1 : 1));
    expect(imported).toHaveLength(ROWS);
    expect(new Set(imported.map((member) => member.chunk))).toEqual(new Set([0, 1, 2]));

    // Personal accounts that joined through an invitation, as accepting one leaves them; and one in no organization.
    const repository = stack.members!.app.get(AccountsRepository);
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

  it('stops listing a personal member that left', async () => {
    await stack.db().collection('accounts').updateOne({ _id: personal.older as never }, { $set: { organizationId: null, joinedAt: null } });
    expect((await allPages('type=personal', 50)).ids).toEqual([personal.newer]);
    expect((await allPages('q=oscar', 50)).total).toBe(0);
    expect((await allPages('', 500)).total).toBe(ROWS + 1);
    await stack.db().collection('accounts').updateOne({ _id: personal.older as never }, { $set: { organizationId: admin.organizationId, joinedAt: new Date('2026-01-01T00:00:00Z') } });
  });
});
