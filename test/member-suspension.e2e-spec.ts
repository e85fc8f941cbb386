import { randomUUID } from 'node:crypto';
import { RoutingKeys } from '@app/contracts';
import { type AddedMembers, BrokerProbe, eventually, EventTap, type SignedInAdmin, TestStack } from '@app/testing';
import { issueActivationToken } from './support/activation-fixtures';
import { openActivationForm, postActivationForm } from './support/activation-form';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

const OWN = 'Quiet-Meadow-Lantern-73';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface StoredAccount {
  _id: string;
  emailNormalized: string;
  status: string;
}

interface StoredNameHold {
  _id: string;
  rowId: string;
  heldUntil?: Date;
}

describe('an admin suspends, reactivates and deletes business accounts', () => {
  const stack = new TestStack('member_suspension', rosterApps);
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let added: AddedMembers;
  let tap: EventTap;

  const as = (admin: SignedInAdmin) => ({
    get: (path: string) => stack.http().get(path).set('Authorization', `Bearer ${admin.token}`),
    post: (path: string, body?: object) => stack.http().post(path).set('Authorization', `Bearer ${admin.token}`).send(body),
    delete: (path: string) => stack.http().delete(path).set('Authorization', `Bearer ${admin.token}`),
  });
  const memberLogin = (login: string, password = OWN) => stack.http().post('/api/v1/auth/member-login').send({ login, password });
  const me = (token: string) => stack.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const accounts = () => stack.db().collection<StoredAccount>('accounts');
  const memberEvents = (type: string, memberId: string) => tap.ofType(type).filter((message) => (message.body.data as { memberId: string }).memberId === memberId);

  async function activate(email: string): Promise<void> {
    const token = await issueActivationToken(stack, added.of(email));
    expect((await postActivationForm(stack, token, await openActivationForm(stack, token), OWN)).status).toBe(200);
  }

  async function listed(admin: SignedInAdmin, query = ''): Promise<{ items: { id: string; status: string; type: string }[]; total: number }> {
    return (await as(admin).get(`/api/v1/members?limit=100${query}`).expect(200)).body;
  }

  beforeAll(async () => {
    await stack.start();
    tap = await EventTap.start(stack.amqpUrl, 'member.account.*');
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
    added = await stack.addMembers(contoso, ['active.one@contoso.example', 'pending.one@contoso.example', 'leaving.one@contoso.example', 'stays.one@contoso.example']);
    await activate('active.one@contoso.example');
    await activate('leaving.one@contoso.example');
  });

  afterAll(async () => {
    await tap?.stop();
    await stack.stop();
  });

  it('suspends an active member: sign-in refused, the token in use ended at once, listed as suspended, MemberSuspended published', async () => {
    const active = added.of('active.one@contoso.example');
    const token = (await memberLogin(active.email).expect(200)).body.accessToken;
    await me(token).expect(200);

    const suspended = (await as(contoso).post(`/api/v1/members/${active.memberId}/suspension`).expect(200)).body;

    expect(suspended).toMatchObject({ id: active.memberId, status: 'suspended', type: 'business' });
    expect(suspended.history.map((entry: { event: string }) => entry.event)).toEqual(['created', 'activated', 'suspended']);
    expect(suspended.history[2]).toEqual({ event: 'suspended', at: expect.any(String), by: expect.stringMatching(UUID) });
    const ended = await me(token).expect(401);
    expect(ended.body.message).toBe('This session has ended: sign in again.');
    // As any unusable account: the right password and a wrong one get the same answer.
    expect((await memberLogin(active.email).expect(401)).body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'The login or password is wrong.' });
    expect((await memberLogin(active.accountName).expect(401)).body.code).toBe('invalid_credentials');
    expect((await as(contoso).get(`/api/v1/members/${active.memberId}`).expect(200)).body).toMatchObject({ status: 'suspended', history: suspended.history });
    expect((await listed(contoso)).items.find((item) => item.id === active.memberId)).toMatchObject({ status: 'suspended', type: 'business' });

    const [event] = await eventually(async () => (memberEvents('MemberSuspended', active.memberId).length === 1 ? memberEvents('MemberSuspended', active.memberId) : undefined), 20_000, 'MemberSuspended');
    expect(event.routingKey).toBe(RoutingKeys.MemberSuspended);
    expect(event.persistent).toBe(true);
    expect(event.messageId).toBe(event.body.id);
    expect(event.body).toEqual({
      id: expect.stringMatching(UUID),
      type: 'MemberSuspended',
      version: 1,
      occurredAt: suspended.history[2].at,
      organizationId: contoso.organizationId,
      data: { memberId: active.memberId, accountName: active.accountName, accountType: 'business', suspendedByAdminId: suspended.history[2].by },
    });
  });

  it('suspends a pending member: its activation link stops working, and no new one can be sent', async () => {
    const pending = added.of('pending.one@contoso.example');
    const link = await issueActivationToken(stack, pending);
    await stack.http().get(`/activate?token=${link}`).expect(200);

    await as(contoso).post(`/api/v1/members/${pending.memberId}/suspension`).expect(200);

    await stack.http().get(`/activate?token=${link}`).expect(410);
    // A link issued while it was being written is refused too.
    const late = await issueActivationToken(stack, pending);
    await stack.http().get(`/activate?token=${late}`).expect(410);
    const resend = await as(contoso).post(`/api/v1/members/${pending.memberId}/activation-email`).expect(409);
    expect(resend.body.code).toBe('member_suspended');
    const again = await as(contoso).post(`/api/v1/members/${pending.memberId}/suspension`).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'already_suspended' });
  });

  it('filters the list by status and type', async () => {
    const suspendedIds = [added.of('active.one@contoso.example').memberId, added.of('pending.one@contoso.example').memberId];
    const suspended = await listed(contoso, '&status=suspended');
    expect(suspended.items.map((item) => item.id).sort()).toEqual([...suspendedIds].sort());
    expect(suspended.total).toBe(2);
    const business = await listed(contoso, '&type=business');
    expect(business.total).toBe(4);
    expect(business.items.every((item) => item.type === 'business')).toBe(true);
    expect((await listed(contoso, '&type=personal')).total).toBe(0);
    expect((await listed(contoso, '&type=business&status=active')).items.map((item) => item.id)).toEqual([added.of('leaving.one@contoso.example').memberId]);
    const refused = await as(contoso).get('/api/v1/members?type=robot').expect(422);
    expect(refused.body.code).toBe('validation_failed');
  });

  it('reactivates a member back to what it was, keeps the earlier sessions ended, and publishes MemberReactivated', async () => {
    const active = added.of('active.one@contoso.example');
    const pending = added.of('pending.one@contoso.example');

    const back = (await as(contoso).delete(`/api/v1/members/${active.memberId}/suspension`).expect(200)).body;
    expect(back.status).toBe('active');
    expect(back.history.map((entry: { event: string }) => entry.event)).toEqual(['created', 'activated', 'suspended', 'reactivated']);
    const stillPending = (await as(contoso).delete(`/api/v1/members/${pending.memberId}/suspension`).expect(200)).body;
    expect(stillPending.status).toBe('pending_activation');

    const token = (await memberLogin(active.email).expect(200)).body.accessToken;
    expect((await me(token).expect(200)).body).toMatchObject({ id: active.memberId, status: 'active' });
    // The suspension revoked the pending member's links: a new one works.
    const link = await issueActivationToken(stack, pending);
    await stack.http().get(`/activate?token=${link}`).expect(200);

    const notSuspended = await as(contoso).delete(`/api/v1/members/${active.memberId}/suspension`).expect(409);
    expect(notSuspended.body.code).toBe('not_suspended');

    const events = await eventually(async () => {
      const found = [...memberEvents('MemberReactivated', active.memberId), ...memberEvents('MemberReactivated', pending.memberId)];
      return found.length === 2 ? found : undefined;
    }, 20_000, 'two MemberReactivated');
    expect(events.map((event) => (event.body.data as { status: string }).status).sort()).toEqual(['active', 'pending_activation']);
    expect(events.every((event) => event.routingKey === RoutingKeys.MemberReactivated && event.persistent)).toBe(true);
  });

  it('deletes a member for good: personal data gone from the database, name held 90 days, address free again, AccountDeleted without personal data', async () => {
    const leaving = added.of('leaving.one@contoso.example');
    const token = (await memberLogin(leaving.email).expect(200)).body.accessToken;
    const before = await listed(contoso);
    expect(await stack.db().collection<{ _id: string }>('activation_claims').countDocuments({ _id: leaving.memberId })).toBe(1);
    expect((await stack.db().collection<{ _id: string; details: string }>('batch_rows').findOne({ _id: leaving.memberId }))!.details).toContain(leaving.email);

    await as(contoso).delete(`/api/v1/members/${leaving.memberId}`).expect(204);

    expect(await accounts().countDocuments({ _id: leaving.memberId })).toBe(0);
    expect(await accounts().countDocuments({ emailNormalized: leaving.email })).toBe(0);
    const tombstone = await stack.db().collection<{ _id: string }>('deleted_accounts').findOne({ _id: leaving.memberId });
    expect(Object.keys(tombstone!).sort()).toEqual(['_id', 'accountName', 'batchId', 'chunk', 'createdAt', 'deletedAt', 'deletedBy', 'nameHeldUntil', 'organizationId', 'type']);
    expect(JSON.stringify(tombstone)).not.toContain('leaving.one@');
    expect(tombstone).toMatchObject({ accountName: leaving.accountName, organizationId: contoso.organizationId });
    const hold = await stack.db().collection<StoredNameHold>('account_name_reservations').findOne({ _id: leaving.accountName });
    const heldDays = (hold!.heldUntil!.getTime() - Date.now()) / 86_400_000;
    expect(heldDays).toBeGreaterThan(89.9);
    expect(heldDays).toBeLessThanOrEqual(90);
    expect(await stack.db().collection<{ _id: string }>('email_reservations').countDocuments({ _id: leaving.email })).toBe(0);
    // The import's row and the activation's claim kept what the member typed: they forget it too.
    const row = await stack.db().collection<{ _id: string; details: string }>('batch_rows').findOne({ _id: leaving.memberId });
    expect(row!.details).not.toContain(leaving.email);
    expect(JSON.parse(row!.details)).toMatchObject({ accountName: leaving.accountName, email: '', emailNormalized: '', firstName: null, lastName: null, passwordHash: null, suggestions: [], cells: [] });
    expect(await stack.db().collection<{ _id: string }>('activation_claims').countDocuments({ _id: leaving.memberId })).toBe(0);

    await me(token).expect(401);
    await memberLogin(leaving.email).expect(401);
    await memberLogin(leaving.accountName).expect(401);
    await as(contoso).get(`/api/v1/members/${leaving.memberId}`).expect(404);
    const after = await listed(contoso);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((item) => item.id)).not.toContain(leaving.memberId);
    expect(after.items).toHaveLength(after.total);

    for (const [method, path] of [
      ['post', `/api/v1/members/${leaving.memberId}/suspension`],
      ['delete', `/api/v1/members/${leaving.memberId}/suspension`],
      ['delete', `/api/v1/members/${leaving.memberId}`],
    ] as const) {
      const refused = await as(contoso)[method](path).expect(409);
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'member_deleted' });
    }

    const [event] = await eventually(async () => (memberEvents('AccountDeleted', leaving.memberId).length > 0 ? memberEvents('AccountDeleted', leaving.memberId) : undefined), 20_000, 'AccountDeleted');
    expect(event.routingKey).toBe(RoutingKeys.AccountDeleted);
    expect(event.body.data).toEqual({ memberId: leaving.memberId, accountName: leaving.accountName, accountType: 'business', deletedByAdminId: expect.stringMatching(UUID) });
    expect(event.raw).not.toMatch(/leaving\.one@|"email"|firstName|password/i);
  });

  it('keeps a deleted member’s name from a new import, which gets suggestions instead, and takes the address again', async () => {
    const leaving = added.of('leaving.one@contoso.example');
    const auth = { Authorization: `Bearer ${contoso.token}` };
    const csv = `email,username\r\nnewcomer@contoso.example,${leaving.accountName}\r\n`;
    const accepted = await stack.http().post('/api/v1/member-batches').set(auth).attach('file', Buffer.from(csv), 'directory.csv').expect(202);
    await eventually(async () => ((await as(contoso).get(`/api/v1/member-batches/${accepted.body.id}`)).body.status === 'ready' ? true : undefined), 30_000, 'csv batch ready');
    const [row] = (await as(contoso).get(`/api/v1/member-batches/${accepted.body.id}/rows?status=invalid`).expect(200)).body.items;
    expect(row.errors.map((problem: { code: string }) => problem.code)).toEqual(['account_name_taken']);
    expect(row.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(row.suggestions).not.toContain(leaving.accountName);

    const again = await stack.addMembers(contoso, [leaving.email]);
    const returning = again.of(leaving.email);
    expect(returning.memberId).not.toBe(leaving.memberId);
    expect(returning.accountName).not.toBe(leaving.accountName);
    expect(await accounts().findOne({ emailNormalized: leaving.email })).toMatchObject({ _id: returning.memberId, status: 'pending_activation' });
  });

  it('never brings a deleted account back when a commit job is delivered again', async () => {
    const batch = await stack.addMembers(contoso, ['redo.gone@contoso.example', 'redo.kept@contoso.example']);
    const gone = batch.of('redo.gone@contoso.example');
    const kept = batch.of('redo.kept@contoso.example');
    await as(contoso).delete(`/api/v1/members/${gone.memberId}`).expect(204);
    const createdBefore = { gone: memberEvents('AccountCreated', gone.memberId).length, kept: memberEvents('AccountCreated', kept.memberId).length };

    // As if the worker had died after creating the accounts and before reporting the chunk: the
    // batch is committing, the chunk has no report, and its job comes again, queued by a redone scheduling.
    const batches = stack.db().collection<{ _id: string; status: string }>('member_batches');
    const reports = stack.db().collection<{ _id: string; batchId: string; phase: string; chunk: number }>('batch_chunk_reports');
    await batches.updateOne({ _id: batch.batchId }, { $set: { status: 'committing' } });
    await reports.deleteOne({ batchId: batch.batchId, phase: 'commit', chunk: 0 });
    const createdTap = await EventTap.start(stack.amqpUrl, RoutingKeys.AccountCreated);
    const broker = await BrokerProbe.open(stack.amqpUrl);
    try {
      await broker.publish('', 'members.batch-work', { batchId: batch.batchId, phase: 'commit', chunk: 0, organization: { name: 'Contoso', locale: 'en' }, rescheduled: true }, { messageId: randomUUID() });
      await eventually(async () => ((await reports.countDocuments({ batchId: batch.batchId, phase: 'commit', chunk: 0 })) === 1 ? true : undefined), 30_000, 'the chunk reported again');
      // The kept member's event, published again with the same id, comes after the gone member's would have.
      await createdTap.waitFor('AccountCreated', 1);
    } finally {
      await broker.close();
      await batches.updateOne({ _id: batch.batchId }, { $set: { status: 'completed' } });
    }
    const republished = createdTap.ofType('AccountCreated').map((message) => (message.body.data as { memberId: string }).memberId);
    await createdTap.stop();
    expect(republished).toEqual([kept.memberId]);
    expect(await accounts().countDocuments({ _id: gone.memberId })).toBe(0);
    expect(await accounts().countDocuments({ _id: kept.memberId })).toBe(1);
    expect((await as(contoso).get(`/api/v1/members/${gone.memberId}`)).status).toBe(404);
    expect(memberEvents('AccountCreated', gone.memberId)).toHaveLength(createdBefore.gone);
    const report = await reports.findOne({ batchId: batch.batchId, phase: 'commit', chunk: 0 });
    expect(report).toMatchObject({ created: 2 });
    expect((await listed(contoso)).items.map((item) => item.id)).not.toContain(gone.memberId);
  });

  it('answers 404 for another organization’s member and an unknown one, and changes nothing', async () => {
    const stays = added.of('stays.one@contoso.example');
    for (const id of [stays.memberId, '00000000-0000-4000-8000-000000000000']) {
      for (const request of [as(fabrikam).post(`/api/v1/members/${id}/suspension`), as(fabrikam).delete(`/api/v1/members/${id}/suspension`), as(fabrikam).delete(`/api/v1/members/${id}`)]) {
        const refused = await request.expect(404);
        expect(refused.body.code).toBe('not_found');
      }
    }
    await as(contoso).post('/api/v1/members/not-a-uuid/suspension').expect(404);
    await stack.http().post(`/api/v1/members/${stays.memberId}/suspension`).expect(401);
    expect(await accounts().findOne({ _id: stays.memberId })).toMatchObject({ status: 'pending_activation' });
    expect(memberEvents('MemberSuspended', stays.memberId)).toHaveLength(0);
  });

  it('publishes each member event once, persistent, named by its id, with no personal data or secret', () => {
    const lifecycle = tap.messages.filter((message) => ['MemberSuspended', 'MemberReactivated', 'AccountDeleted'].includes(message.body.type as string));
    expect(lifecycle.length).toBe(6);
    expect(new Set(lifecycle.map((message) => message.body.id)).size).toBe(lifecycle.length);
    for (const message of lifecycle) {
      expect(message.persistent).toBe(true);
      expect(message.messageId).toBe(message.body.id);
      expect(message.raw).not.toMatch(/@|password|token|scrypt/i);
    }
  });
});
