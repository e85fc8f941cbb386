import { ACCOUNT_CREATED_VERSION, accountCreatedEventSchema } from '@app/contracts';
import { EventTap, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../apps/members/src/accounts/persistence/accounts.repository';
import { ChunkReportsRepository } from '../apps/members/src/member-batches/persistence/chunk-reports.repository';
import { MemberBatchesRepository } from '../apps/members/src/member-batches/persistence/member-batches.repository';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(60_000);

describe('adding members by email: review, edit, commit, AccountCreated', () => {
  const stack = new TestStack('member_batches', rosterApps);
  let tap: EventTap;
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;

  const as = (admin: SignedInAdmin) => ({
    get: (path: string) => stack.http().get(path).set('Authorization', `Bearer ${admin.token}`),
    post: (path: string, body?: object) => stack.http().post(path).set('Authorization', `Bearer ${admin.token}`).send(body),
    patch: (path: string, body: object) => stack.http().patch(path).set('Authorization', `Bearer ${admin.token}`).send(body),
  });

  async function committed(admin: SignedInAdmin, batchId: string) {
    return eventually(async () => {
      const response = await as(admin).get(`/api/v1/member-batches/${batchId}`);
      return response.body.status === 'completed' ? response.body : undefined;
    }, 30_000, `batch ${batchId} completed`);
  }

  const ofBatch = (type: string, batchId: string) => tap.ofType(type).filter((event) => (event.body.data as { batchId: string }).batchId === batchId);

  /**
   * A batch's BatchCompleted goes out after its accounts' AccountCreated (each confirmed by the
   * broker before its chunk counts as done, or relayed from the outbox before batch events): once
   * it is on the tap, every AccountCreated of the batch is too.
   */
  const batchCompletedOf = (batchId: string) =>
    eventually(async () => ofBatch('BatchCompleted', batchId)[0], 20_000, `BatchCompleted of ${batchId}`);

  let markers = 0;
  /** Commits a one-member batch after what the test did and waits for its BatchCompleted, which comes after anything due before it. */
  async function commitMarkerBatch(): Promise<void> {
    markers += 1;
    const marker = (await as(fabrikam).post('/api/v1/member-batches', { emails: `marker.${markers}@fabrikam.example` }).expect(201)).body;
    await as(fabrikam).post(`/api/v1/member-batches/${marker.id}/commit`).expect(202);
    await batchCompletedOf(marker.id);
  }

  beforeAll(async () => {
    await stack.start();
    tap = await EventTap.start(stack.amqpUrl);
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
  });

  afterAll(async () => {
    await tap?.stop();
    await stack.stop();
  });

  it('takes three typed emails through review and commit to business accounts and one event each', async () => {
    const created = await as(contoso)
      .post('/api/v1/member-batches', { emails: 'Élodie Lefèvre <elodie.lefevre@contoso.example>; jurgen.gross@contoso.example,\nli.wu@contoso.example' })
      .expect(201);
    const batch = created.body;
    expect(batch).toMatchObject({ status: 'ready', source: 'emails', counts: { total: 3, valid: 3, invalid: 0, created: 0, failed: 0 } });
    expect(batch.rows.map((row: { line: number }) => row.line)).toEqual([1, 2, 3]);
    const [elodie, jurgen, li] = batch.rows;
    expect(elodie).toMatchObject({ email: 'elodie.lefevre@contoso.example', firstName: 'Élodie', lastName: 'Lefèvre', status: 'valid', errors: [], passwordSet: false });
    expect(elodie.accountName).toBe(elodie.suggestions[0]);
    expect(elodie.accountName).toMatch(/^elodie/);
    const allSuggestions = batch.rows.flatMap((row: { suggestions: string[] }) => row.suggestions);
    for (const row of batch.rows) expect(row.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(allSuggestions).size).toBe(allSuggestions.length);

    const picked = await as(contoso).patch(`/api/v1/member-batches/${batch.id}/rows/${jurgen.id}`, { accountName: jurgen.suggestions[2], firstName: 'Jürgen', lastName: 'Groß' }).expect(200);
    expect(picked.body).toMatchObject({ accountName: jurgen.suggestions[2], firstName: 'Jürgen', lastName: 'Groß', status: 'valid' });
    const withPassword = await as(contoso).patch(`/api/v1/member-batches/${batch.id}/rows/${li.id}`, { password: 'Sturdy-Violet-Canal-88' }).expect(200);
    expect(withPassword.body.passwordSet).toBe(true);
    expect(JSON.stringify(withPassword.body)).not.toContain('Sturdy-Violet-Canal-88');

    await as(contoso).post(`/api/v1/member-batches/${batch.id}/commit`).expect(202);
    const done = await committed(contoso, batch.id);
    expect(done.counts).toEqual({ total: 3, valid: 0, invalid: 0, created: 3, invited: 0, failed: 0 });

    const rows = (await as(contoso).get(`/api/v1/member-batches/${batch.id}/rows?status=created`).expect(200)).body;
    expect(rows.total).toBe(3);
    const memberIds = rows.items.map((row: { memberId: string }) => row.memberId);

    const members = (await as(contoso).get('/api/v1/members?limit=50').expect(200)).body;
    expect(members.total).toBe(3);
    const jurgenAccount = members.items.find((member: { email: string }) => member.email === 'jurgen.gross@contoso.example');
    expect(jurgenAccount).toMatchObject({
      accountName: jurgen.suggestions[2],
      type: 'business',
      status: 'pending_activation',
      mustChangePassword: false,
      credit: { amount: 0, currency: 'EUR' },
      subscriptions: [],
      numbers: [],
      organizationId: contoso.organizationId,
    });
    const liAccount = (await as(contoso).get(`/api/v1/members/${memberIds[2]}`).expect(200)).body;
    // Pending until Li sets their own password, even with one the admin set.
    expect(liAccount).toMatchObject({ email: 'li.wu@contoso.example', status: 'pending_activation', mustChangePassword: true });
    expect(JSON.stringify(liAccount)).not.toMatch(/hash|scrypt|Sturdy-Violet/i);

    await batchCompletedOf(batch.id);
    const events = tap.ofType('AccountCreated');
    expect(events).toHaveLength(3);
    expect(events.map((event) => (event.body.data as { memberId: string }).memberId).sort()).toEqual([...memberIds].sort());
    for (const event of events) {
      expect(event.routingKey).toBe('member.account.created');
      expect(event.persistent).toBe(true);
      expect(event.messageId).toBe(event.body.id);
      expect(Object.keys(event.body).sort()).toEqual([...accountCreatedEventSchema.required].sort());
      expect(Object.keys(event.body.data as object).sort()).toEqual([...accountCreatedEventSchema.properties.data.required].sort());
      expect(event.body).toMatchObject({ type: 'AccountCreated', version: ACCOUNT_CREATED_VERSION, organizationId: contoso.organizationId, data: { accountType: 'business', locale: 'fr', batchId: batch.id, organizationName: 'Contoso' } });
      expect(event.raw).not.toMatch(/"password"|hash|token|scrypt/i);
    }
  });

  it('reports every row problem with its code', async () => {
    await as(fabrikam).post('/api/v1/member-batches', { emails: ['someone@elsewhere.example'] }).expect(201);
    const response = await as(contoso)
      .post('/api/v1/member-batches', {
        emails: ['not-an-email', 'new.person@contoso.example', 'NEW.PERSON@contoso.example', 'elodie.lefevre@contoso.example', 'jurgen.gross@contoso.example'],
      })
      .expect(201);
    const codes = response.body.rows.map((row: { errors: { code: string }[] }) => row.errors.map((error) => error.code));
    expect(codes).toEqual([['invalid_email'], [], ['duplicate_in_batch'], ['already_member'], ['already_member']]);
    expect(response.body.counts).toMatchObject({ total: 5, valid: 1, invalid: 4 });
    expect(response.body.rows[2].errors[0].message).toContain('line 2');

    const fabrikamMember = await as(fabrikam).post('/api/v1/member-batches', { emails: 'taken.elsewhere@fabrikam.example' }).expect(201);
    await as(fabrikam).post(`/api/v1/member-batches/${fabrikamMember.body.id}/commit`).expect(202);
    await committed(fabrikam, fabrikamMember.body.id);
    const elsewhere = await as(contoso).post('/api/v1/member-batches', { emails: 'Taken.Elsewhere@fabrikam.example' }).expect(201);
    expect(elsewhere.body.rows[0].errors).toEqual([expect.objectContaining({ code: 'email_in_use' })]);
  });

  it('refuses invalid and taken account names with fresh suggestions, and weak passwords', async () => {
    const batch = (await as(contoso).post('/api/v1/member-batches', { emails: 'Marie Curie <marie.curie@contoso.example>, pierre.curie@contoso.example' }).expect(201)).body;
    const [marie, pierre] = batch.rows;
    const path = `/api/v1/member-batches/${batch.id}/rows/${marie.id}`;

    const invalid = await as(contoso).patch(path, { accountName: 'ab' }).expect(422);
    expect(invalid.body).toMatchObject({ statusCode: 422, code: 'invalid_account_name' });
    expect(invalid.body.details[0].suggestions.length).toBeGreaterThanOrEqual(3);

    const reserved = await as(contoso).patch(path, { accountName: 'admin' }).expect(422);
    expect(reserved.body.code).toBe('invalid_account_name');

    const existingName = (await as(contoso).get('/api/v1/members?limit=1').expect(200)).body.items[0].accountName;
    const taken = await as(contoso).patch(path, { accountName: existingName }).expect(409);
    expect(taken.body).toMatchObject({ statusCode: 409, code: 'account_name_taken' });
    expect(taken.body.details[0].suggestions).not.toContain(existingName);

    const usedByOtherRow = await as(contoso).patch(path, { accountName: pierre.accountName }).expect(409);
    expect(usedByOtherRow.body.code).toBe('account_name_taken');

    for (const password of ['short', 'password1234', `${marie.accountName}-Strong-99`]) {
      const weak = await as(contoso).patch(path, { password }).expect(422);
      expect(weak.body.code).toBe('weak_password');
    }
    const unknownField = await as(contoso).patch(path, { admin: true }).expect(422);
    expect(unknownField.body.code).toBe('validation_failed');
    for (const field of ['accountName', 'firstName', 'lastName', 'password']) {
      const nothing = await as(contoso).patch(path, { [field]: null }).expect(422);
      expect(nothing.body.code).toBe('validation_failed');
      expect([...new Set(nothing.body.details.map((detail: { field: string }) => detail.field))]).toEqual([field]);
    }
  });

  it('creates each account once however often and concurrently a batch is committed', async () => {
    const batch = (await as(contoso).post('/api/v1/member-batches', { emails: 'a.one@contoso.example b.two@contoso.example c.three@contoso.example' }).expect(201)).body;
    const before = tap.ofType('AccountCreated').length;
    const answers = await Promise.all(Array.from({ length: 4 }, () => as(contoso).post(`/api/v1/member-batches/${batch.id}/commit`)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    const done = await committed(contoso, batch.id);
    await as(contoso).post(`/api/v1/member-batches/${batch.id}/commit`).expect(202);
    expect(done.counts).toMatchObject({ total: 3, created: 3, failed: 0 });
    await commitMarkerBatch();
    expect(ofBatch('AccountCreated', batch.id)).toHaveLength(3);
    expect(tap.ofType('AccountCreated').length).toBe(before + 3 + 1);
    const members = (await as(contoso).get('/api/v1/members?q=contoso.example&limit=100').expect(200)).body;
    const emails = members.items.map((member: { email: string }) => member.email);
    expect(emails.filter((email: string) => email === 'a.one@contoso.example')).toHaveLength(1);
    const edit = await as(contoso).patch(`/api/v1/member-batches/${batch.id}/rows/${batch.rows[0].id}`, { firstName: 'Late' }).expect(409);
    expect(edit.body.code).toBe('batch_not_editable');
  });

  it('holds a reviewed row\'s name; a name taken anyway before commit is replaced by the next free one, and the row says so', async () => {
    const first = (await as(contoso).post('/api/v1/member-batches', { emails: 'Ada Byron <ada.byron@contoso.example>' }).expect(201)).body;
    const wanted = first.rows[0].accountName;
    const second = (await as(fabrikam).post('/api/v1/member-batches', { emails: 'other.person@fabrikam.example' }).expect(201)).body;
    const refused = await as(fabrikam).patch(`/api/v1/member-batches/${second.id}/rows/${second.rows[0].id}`, { accountName: wanted }).expect(409);
    expect(refused.body.details[0].suggestions.length).toBeGreaterThanOrEqual(3);
    // An account that took the name without holding it, as accounts created before names were held did.
    await stack.members!.app.get(AccountsRepository).insertOne({
      _id: randomUUID(),
      organizationId: 'an-organization-of-long-ago',
      email: 'legacy.person@fabrikam.example',
      emailNormalized: 'legacy.person@fabrikam.example',
      accountName: wanted,
      firstName: null,
      lastName: null,
      status: 'pending_activation',
      passwordHash: null,
      mustChangePassword: false,
      locale: 'en',
      batchId: null,
      chunk: null,
      createdAt: new Date(),
      activatedAt: null,
    });

    await as(contoso).post(`/api/v1/member-batches/${first.id}/commit`).expect(202);
    const done = await committed(contoso, first.id);
    expect(done.counts).toMatchObject({ created: 1, failed: 0 });
    const [row] = (await as(contoso).get(`/api/v1/member-batches/${first.id}/rows`).expect(200)).body.items;
    expect(row.status).toBe('created');
    expect(row.accountName).not.toBe(wanted);
    expect(row.accountName).toBe(first.rows[0].suggestions[1]);
    expect(row.notices).toEqual([expect.objectContaining({ code: 'account_name_replaced' })]);
    const member = (await as(contoso).get(`/api/v1/members/${row.memberId}`).expect(200)).body;
    expect(member.accountName).toBe(row.accountName);
  });

  it('fails a row whose email was taken between review and commit, lists it and puts it in errors.csv, and creates the others', async () => {
    const reviewed = (await as(contoso).post('/api/v1/member-batches', { emails: 'grace.hopper@contoso.example, alan.turing@contoso.example' }).expect(201)).body;
    const elsewhere = (await as(fabrikam).post('/api/v1/member-batches', { emails: 'Grace.Hopper@contoso.example' }).expect(201)).body;
    await as(fabrikam).post(`/api/v1/member-batches/${elsewhere.id}/commit`).expect(202);
    await committed(fabrikam, elsewhere.id);

    await as(contoso).post(`/api/v1/member-batches/${reviewed.id}/commit`).expect(202);
    const done = await committed(contoso, reviewed.id);
    expect(done.counts).toEqual({ total: 2, valid: 0, invalid: 0, created: 1, invited: 0, failed: 1 });

    const failed = (await as(contoso).get(`/api/v1/member-batches/${reviewed.id}/rows?status=failed`).expect(200)).body;
    expect(failed.total).toBe(1);
    expect(failed.items).toEqual([expect.objectContaining({ email: 'grace.hopper@contoso.example', status: 'failed', memberId: null, errors: [expect.objectContaining({ code: 'email_in_use' })] })]);
    const created = (await as(contoso).get(`/api/v1/member-batches/${reviewed.id}/rows?status=created`).expect(200)).body;
    expect(created.items).toEqual([expect.objectContaining({ email: 'alan.turing@contoso.example', status: 'created', memberId: expect.any(String) })]);
    const all = (await as(contoso).get(`/api/v1/member-batches/${reviewed.id}/rows`).expect(200)).body;
    expect(all.items.map((row: { status: string }) => row.status)).toEqual(['failed', 'created']);

    const errorsCsv = await as(contoso).get(`/api/v1/member-batches/${reviewed.id}/errors.csv`).expect(200);
    const [header, ...lines] = errorsCsv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toContain('error_code');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('grace.hopper@contoso.example');
    expect(lines[0]).toContain('email_in_use');
  });

  it('pages through the rows still to commit while a commit is under way: full pages, right totals', async () => {
    const emails = Array.from({ length: 1_100 }, (_, index) => (index === 700 ? 'not-an-address' : `paging.${index}@contoso.example`));
    // Over 500 typed addresses are checked by the import workers: answered at once, ready soon after.
    const accepted = (await as(contoso).post('/api/v1/member-batches', { emails: emails.join('\n') }).expect(202)).body;
    expect(accepted).toMatchObject({ status: 'validating', counts: { total: 1_100 } });
    const batch = await eventually(async () => {
      const current = (await as(contoso).get(`/api/v1/member-batches/${accepted.id}`)).body;
      return current.status === 'ready' ? current : undefined;
    }, 30_000, 'the typed batch ready');
    expect(batch.counts).toMatchObject({ total: 1_100, valid: 1_099, invalid: 1 });
    // A commit whose worker has committed the first chunk (rows 1 to 500) and not yet the others.
    const members = stack.members!.app;
    await members.get(MemberBatchesRepository).setStatus(batch.id, 'committing', { commitStartedAt: new Date() });
    await members.get(ChunkReportsRepository).recordCommitted(batch.id, { chunk: 0, created: 500, invited: 0, failed: 0, notableOutcomes: [] });

    const first = (await as(contoso).get(`/api/v1/member-batches/${batch.id}/rows?status=valid&page=1&limit=100`).expect(200)).body;
    expect(first.total).toBe(599);
    expect(first.items).toHaveLength(100);
    expect(first.items.every((row: { status: string; line: number }) => row.status === 'valid' && row.line > 500)).toBe(true);
    const last = (await as(contoso).get(`/api/v1/member-batches/${batch.id}/rows?status=valid&page=6&limit=100`).expect(200)).body;
    expect(last.items).toHaveLength(99);
    expect(last.items.at(-1).line).toBe(1_100);
  });

  it("lists an organization's batches newest first, a page at a time, and none of another organization's", async () => {
    const northwind = await stack.signInNewAdmin('Northwind', 'admin@northwind.example');
    const typed = (await as(northwind).post('/api/v1/member-batches', { emails: 'nancy.davolio@northwind.example, not-an-address' }).expect(201)).body;
    const uploaded = (
      await stack
        .http()
        .post('/api/v1/member-batches')
        .set('Authorization', `Bearer ${northwind.token}`)
        .attach('file', Buffer.from('email\nandrew.fuller@northwind.example\njanet.leverling@northwind.example\nandrew.fuller@northwind.example\n'), 'northwind.csv')
        .expect(202)
    ).body;
    await eventually(async () => ((await as(northwind).get(`/api/v1/member-batches/${uploaded.id}`)).body.status === 'ready' ? true : undefined), 30_000, 'the upload ready');
    const fabrikamBatch = (await as(fabrikam).post('/api/v1/member-batches', { emails: 'steven.buchanan@fabrikam.example' }).expect(201)).body;
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

    const listed = (await as(northwind).get('/api/v1/member-batches').expect(200)).body;
    expect(listed).toMatchObject({ page: 1, limit: 50, total: 2 });
    expect(ids(listed)).toEqual([uploaded.id, typed.id]);
    expect(listed.items[0]).toEqual({
      id: uploaded.id,
      status: 'ready',
      source: 'csv',
      fileName: 'northwind.csv',
      ignoredColumns: [],
      emailColumn: 'email',
      counts: { total: 3, valid: 2, invalid: 1, created: 0, invited: 0, failed: 0 },
      createdAt: uploaded.createdAt,
      failureReason: null,
      failureCode: null,
      progress: null,
    });
    expect(listed.items[1]).toEqual({
      id: typed.id,
      status: 'ready',
      source: 'emails',
      fileName: null,
      ignoredColumns: [],
      emailColumn: null,
      counts: { total: 2, valid: 1, invalid: 1, created: 0, invited: 0, failed: 0 },
      createdAt: typed.createdAt,
      failureReason: null,
      failureCode: null,
      progress: null,
    });

    const second = (await as(northwind).get('/api/v1/member-batches?page=2&limit=1').expect(200)).body;
    expect(second).toMatchObject({ page: 2, limit: 1, total: 2 });
    expect(ids(second)).toEqual([typed.id]);
    const past = (await as(northwind).get('/api/v1/member-batches?page=3&limit=1').expect(200)).body;
    expect(past).toMatchObject({ items: [], page: 3, total: 2 });

    const fabrikams = (await as(fabrikam).get('/api/v1/member-batches?limit=500').expect(200)).body;
    expect(ids(fabrikams)[0]).toBe(fabrikamBatch.id);
    expect(ids(fabrikams)).not.toContain(typed.id);
    expect(ids(fabrikams)).not.toContain(uploaded.id);
    expect(fabrikams.total).toBe(fabrikams.items.length);

    for (const query of ['limit=0', 'limit=501', 'limit=ten', 'page=0']) {
      const refused = await as(northwind).get(`/api/v1/member-batches?${query}`).expect(422);
      expect(refused.body).toMatchObject({ statusCode: 422, code: 'validation_failed' });
    }
  });

  it("never shows one organization another's batches, rows or members", async () => {
    const batch = (await as(contoso).post('/api/v1/member-batches', { emails: 'private.person@contoso.example' }).expect(201)).body;
    const member = (await as(contoso).get('/api/v1/members?limit=1').expect(200)).body.items[0];
    for (const path of [`/api/v1/member-batches/${batch.id}`, `/api/v1/member-batches/${batch.id}/rows`, `/api/v1/members/${member.id}`]) {
      const response = await as(fabrikam).get(path).expect(404);
      expect(response.body.code).toBe('not_found');
      expect(JSON.stringify(response.body)).not.toContain('private.person');
    }
    await as(fabrikam).patch(`/api/v1/member-batches/${batch.id}/rows/${batch.rows[0].id}`, { firstName: 'X' }).expect(404);
    await as(fabrikam).post(`/api/v1/member-batches/${batch.id}/commit`).expect(404);
    const fabrikamMembers = (await as(fabrikam).get('/api/v1/members?limit=100').expect(200)).body;
    expect(fabrikamMembers.items.every((item: { organizationId: string }) => item.organizationId === fabrikam.organizationId)).toBe(true);
  });

  it('gives a subscriber bound with # every AccountCreated, and no message carries a secret', async () => {
    const accountCreated = tap.ofType('AccountCreated');
    const createdIds = new Set(accountCreated.map((message) => (message.body.data as { memberId: string }).memberId));
    expect(createdIds.size).toBe(accountCreated.length);
    for (const admin of [contoso, fabrikam]) {
      const members = (await as(admin).get('/api/v1/members?limit=500').expect(200)).body.items;
      for (const member of members) expect(createdIds.has(member.id)).toBe(true);
    }
    expect(tap.ofType('BatchCompleted').length).toBeGreaterThan(0);
    for (const message of tap.messages) {
      expect(message.raw).not.toMatch(/"password"|passwordHash|scrypt\$|token|activate\?/i);
    }
  });

  it('refuses requests without a valid token', async () => {
    for (const path of ['/api/v1/member-batches', '/api/v1/member-batches/00000000-0000-4000-8000-000000000000', '/api/v1/members']) {
      const anonymous = await stack.http().get(path).expect(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      await stack.http().get(path).set('Authorization', 'Bearer not.a.token').expect(401);
    }
    await stack.http().post('/api/v1/member-batches').send({ emails: 'x@y.example' }).expect(401);
  });
});
