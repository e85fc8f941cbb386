import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { type AuditEventView, Exchanges, Queues, RoutingKeys } from '@app/contracts';
import { ADMIN_PASSWORD, type AddedMembers, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { AuditRetention } from '../apps/members/src/audit-log/audit-retention';
import { SIGN_IN_WINDOW_MS } from '../apps/members/src/sign-in-attempts/sign-in-lockout';
import { issueActivationToken } from './support/activation-fixtures';
import { openActivationForm, postActivationForm } from './support/activation-form';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';
import { awayFromWindowEnd } from './support/time-windows';

jest.setTimeout(180_000);

const ROW_PASSWORD = 'Marble-Orchid-Tunnel-35';
const OWN_PASSWORD = 'Velvet-Harbor-Compass-19';
const CHANGED_PASSWORD = 'Silent-Copper-Meadow-82';
const WRONG_PASSWORD = 'Wrong-Guess-Password-11';
/** What a member types in the login field by mistake: their password. It must not rest in the audit log. */
const PASSWORD_AS_LOGIN = 'Crimson-Falcon-Ledger-64';

interface StoredAuditEvent {
  _id: string;
  action: string;
  organizationId: string | null;
  actorLogin: string | null;
  objectId: string | null;
}

describe('the audit log: every admin action and security event, recorded once by the members service, read through the API', () => {
  const stack = new TestStack('audit_log', rosterApps);
  let contoso: SignedInAdmin;
  let northwind: SignedInAdmin;
  let contosoAdminId: string;
  let added: AddedMembers;
  /** Every secret this file uses, to look for in the raw collection at the end. */
  const secrets = new Set<string>([ADMIN_PASSWORD, ROW_PASSWORD, OWN_PASSWORD, CHANGED_PASSWORD, WRONG_PASSWORD, PASSWORD_AS_LOGIN]);
  let nextAddress = 0;
  const freshAddress = () => `198.51.100.${(nextAddress++ % 250) + 1}`;

  const auth = (admin: SignedInAdmin) => ({ Authorization: `Bearer ${admin.token}` });
  const list = (admin: SignedInAdmin, query: Record<string, string | number> = {}) =>
    stack.http().get('/api/v1/audit-events').query(query).set(auth(admin));
  /** The organization's events matching `query`, once `count` of them are recorded (they travel over RabbitMQ). */
  const recorded = (admin: SignedInAdmin, query: Record<string, string | number>, count = 1) =>
    eventually(
      async () => {
        const answer = await list(admin, { limit: 500, ...query }).expect(200);
        return answer.body.total >= count ? (answer.body.items as AuditEventView[]) : undefined;
      },
      20_000,
      `${count} audit event(s) ${JSON.stringify(query)}`,
    );
  const rawEvents = () => stack.db().collection<StoredAuditEvent>('audit_events');

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    northwind = await stack.signInNewAdmin('Northwind', 'admin@northwind.example');
    secrets.add(contoso.token).add(northwind.token);
    contosoAdminId = (await recorded(contoso, { action: 'admin.signed_in' }))[0].actor.id!;
    added = await stack.addMembers(contoso, ['jane.doe@contoso.example', 'sam.rivera@contoso.example', 'preset@contoso.example'], {
      'preset@contoso.example': ROW_PASSWORD,
    });
  });

  afterAll(() => stack.stop());

  it('records an admin’s sign-in with who, organization, time, address and request id', async () => {
    const before = new Date();
    const answer = await stack
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('X-Request-Id', 'audit-sign-in-1')
      .send({ email: 'admin@contoso.example', password: ADMIN_PASSWORD })
      .expect(200);
    secrets.add(answer.body.accessToken);

    const [event] = await recorded(contoso, { action: 'admin.signed_in', from: before.toISOString() });
    expect(event).toEqual({
      id: expect.any(String),
      action: 'admin.signed_in',
      at: expect.any(String),
      organizationId: contoso.organizationId,
      actor: { type: 'admin', id: contosoAdminId, login: null },
      object: { type: 'admin', id: contosoAdminId },
      sourceAddress: '203.0.113.9',
      requestId: 'audit-sign-in-1',
      details: {},
    });
    expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
  });

  it('records a refused admin sign-in with the email typed when it names an admin, and a lockout when the account’s failures are spent', async () => {
    await awayFromWindowEnd(SIGN_IN_WINDOW_MS, 90_000);
    const fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
    const signIn = (password: string) =>
      stack.http().post('/api/v1/auth/login').set('X-Forwarded-For', freshAddress()).send({ email: 'Admin@Fabrikam.example', password });

    for (let failure = 0; failure < 10; failure += 1) await signIn(`${WRONG_PASSWORD}-${failure}`).expect(401);
    await signIn(ADMIN_PASSWORD).expect(429);
    for (let failure = 0; failure < 10; failure += 1) secrets.add(`${WRONG_PASSWORD}-${failure}`);

    const failed = await recorded(fabrikam, { action: 'admin.sign_in_failed' }, 10);
    expect(failed).toHaveLength(10);
    const [fabrikamAdminId] = (await recorded(fabrikam, { action: 'admin.signed_in' })).map((event) => event.actor.id);
    expect(failed[0]).toMatchObject({
      organizationId: fabrikam.organizationId,
      actor: { type: 'anonymous', id: null, login: 'admin@fabrikam.example' },
      object: { type: 'admin', id: fabrikamAdminId },
      details: { refusal: 'invalid_credentials' },
    });
    const [locked] = await recorded(fabrikam, { action: 'admin.locked_out' });
    expect(locked).toMatchObject({ actor: { type: 'anonymous', login: 'admin@fabrikam.example' }, details: { refusal: 'too_many_attempts' } });
  });

  it('records batch created (once per batch, whatever its size or repeats), row edited (fields named, never the password), commit and resend', async () => {
    const created = await stack
      .http()
      .post('/api/v1/member-batches')
      .set(auth(contoso))
      .set('Idempotency-Key', 'audit-batch-1')
      .send({ emails: 'ana@contoso.example, ben@contoso.example, carla@contoso.example' })
      .expect(201);
    const batchId: string = created.body.id;
    // The same request again answers the same batch: still one record.
    await stack.http().post('/api/v1/member-batches').set(auth(contoso)).set('Idempotency-Key', 'audit-batch-1').send({ emails: 'ana@contoso.example, ben@contoso.example, carla@contoso.example' });
    const row = created.body.rows[0];
    await stack.http().patch(`/api/v1/member-batches/${batchId}/rows/${row.id}`).set(auth(contoso)).send({ password: ROW_PASSWORD, firstName: 'Ana' }).expect(200);
    await stack.http().post(`/api/v1/member-batches/${batchId}/commit`).set(auth(contoso)).expect(202);
    await stack.http().post(`/api/v1/member-batches/${batchId}/commit`).set(auth(contoso)).expect(202);
    const pending = added.of('sam.rivera@contoso.example');
    await stack.http().post(`/api/v1/members/${pending.memberId}/activation-email`).set(auth(contoso)).expect(202);

    const aboutBatch = await recorded(contoso, { objectId: batchId }, 2);
    expect(aboutBatch.map((event) => event.action)).toEqual(['batch.committed', 'batch.created']);
    expect(aboutBatch[1]).toMatchObject({ id: `batch.created:${batchId}`, actor: { type: 'admin', id: contosoAdminId }, object: { type: 'batch', id: batchId }, details: { source: 'typed_emails' } });
    const [edited] = await recorded(contoso, { objectId: row.id });
    expect(edited).toMatchObject({ action: 'batch.row_edited', object: { type: 'batch_row', id: row.id }, details: { batchId, changedFields: ['firstName', 'password'] } });
    const [resent] = await recorded(contoso, { action: 'member.activation_email_resent' });
    expect(resent).toMatchObject({ actor: { type: 'admin', id: contosoAdminId }, object: { type: 'member', id: pending.memberId } });
    // A batch of three adds one `batch.created`, not a record per member.
    expect(await rawEvents().countDocuments({ action: 'batch.created', objectId: batchId })).toBe(1);
    expect(await rawEvents().countDocuments({ action: 'batch.committed', objectId: batchId })).toBe(1);
  });

  it('records a member’s activation by link, sign-in, refused sign-in, password change; a login that names no account is kept as unknown', async () => {
    const jane = added.of('jane.doe@contoso.example');
    const token = await issueActivationToken(stack, jane);
    secrets.add(token);
    expect((await postActivationForm(stack, token, await openActivationForm(stack, token), OWN_PASSWORD)).status).toBe(200);
    const [activated] = await recorded(contoso, { action: 'member.activated' });
    expect(activated).toMatchObject({ organizationId: contoso.organizationId, actor: { type: 'member', id: jane.memberId }, object: { type: 'member', id: jane.memberId } });

    const memberLogin = (login: string, password: string) => stack.http().post('/api/v1/auth/member-login').set('X-Forwarded-For', freshAddress()).send({ login, password });
    secrets.add((await memberLogin(jane.accountName.toUpperCase(), OWN_PASSWORD).expect(200)).body.accessToken);
    await memberLogin(jane.accountName.toUpperCase(), WRONG_PASSWORD).expect(401);
    await memberLogin(PASSWORD_AS_LOGIN, OWN_PASSWORD).expect(401);
    const preset = added.of('preset@contoso.example');
    await memberLogin(preset.email, ROW_PASSWORD).expect(403);
    await stack.http().post('/api/v1/auth/member-password').send({ login: preset.accountName, password: WRONG_PASSWORD, newPassword: CHANGED_PASSWORD }).expect(401);
    secrets.add((await stack.http().post('/api/v1/auth/member-password').send({ login: preset.accountName, password: ROW_PASSWORD, newPassword: CHANGED_PASSWORD }).expect(200)).body.accessToken);

    const [signedIn] = await recorded(contoso, { action: 'member.signed_in' });
    expect(signedIn).toMatchObject({ actor: { type: 'member', id: jane.memberId }, object: { type: 'member', id: jane.memberId } });
    const refused = await recorded(contoso, { action: 'member.sign_in_failed' }, 2);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: { type: 'anonymous', id: null, login: jane.accountName }, object: { type: 'member', id: jane.memberId }, details: { refusal: 'invalid_credentials' } }),
        expect.objectContaining({ actor: { type: 'anonymous', id: null, login: preset.email }, object: { type: 'member', id: preset.memberId }, details: { refusal: 'password_change_required' } }),
      ]),
    );
    const [changeRefused] = await recorded(contoso, { action: 'member.password_change_failed' });
    expect(changeRefused).toMatchObject({ actor: { login: preset.accountName }, object: { id: preset.memberId } });
    const [changed] = await recorded(contoso, { action: 'member.password_changed' });
    expect(changed).toMatchObject({ actor: { type: 'member', id: preset.memberId }, object: { type: 'member', id: preset.memberId } });

    // What was typed as a login names nobody: recorded with no login and no organization, so no admin sees it.
    const unknown = await eventually(
      async () => (await rawEvents().findOne({ action: 'member.sign_in_failed', objectId: null })) ?? undefined,
      20_000,
      'the refused sign-in of an unknown login',
    );
    expect(unknown).toMatchObject({ organizationId: null, actorLogin: null });
  });

  it('records a member suspended, reactivated and deleted by an admin', async () => {
    const sam = added.of('sam.rivera@contoso.example');
    await stack.http().post(`/api/v1/members/${sam.memberId}/suspension`).set(auth(contoso)).expect(200);
    await stack.http().delete(`/api/v1/members/${sam.memberId}/suspension`).set(auth(contoso)).expect(200);
    await stack.http().delete(`/api/v1/members/${sam.memberId}`).set(auth(contoso)).expect(204);

    const aboutSam = await recorded(contoso, { objectId: sam.memberId }, 4);
    expect(aboutSam.map((event) => event.action)).toEqual(['member.deleted', 'member.reactivated', 'member.suspended', 'member.activation_email_resent']);
    expect(aboutSam.every((event) => event.actor.type === 'admin' && event.actor.id === contosoAdminId)).toBe(true);
  });

  it('filters by actor, action, object and time, pages newest first, and shows another organization nothing', async () => {
    const all = await recorded(contoso, {}, 10);
    const times = all.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const firstPage = (await list(contoso, { limit: 2, page: 1 }).expect(200)).body;
    const secondPage = (await list(contoso, { limit: 2, page: 2 }).expect(200)).body;
    expect(firstPage).toMatchObject({ page: 1, limit: 2, total: all.length });
    expect([...firstPage.items, ...secondPage.items].map((event: AuditEventView) => event.id)).toEqual(all.slice(0, 4).map((event) => event.id));

    const byActor = (await list(contoso, { actorId: contosoAdminId, limit: 500 }).expect(200)).body.items as AuditEventView[];
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((event) => event.actor.id === contosoAdminId)).toBe(true);
    const byAction = (await list(contoso, { action: 'batch.created', limit: 500 }).expect(200)).body.items as AuditEventView[];
    expect(byAction.length).toBeGreaterThanOrEqual(2);
    expect(byAction.every((event) => event.action === 'batch.created')).toBe(true);

    const middle = all[Math.floor(all.length / 2)].at;
    const since = (await list(contoso, { from: middle, limit: 500 }).expect(200)).body.items as AuditEventView[];
    const until = (await list(contoso, { to: middle, limit: 500 }).expect(200)).body.items as AuditEventView[];
    expect(since.every((event) => event.at >= middle)).toBe(true);
    expect(until.every((event) => event.at <= middle)).toBe(true);
    expect(since.length + until.length).toBeGreaterThanOrEqual(all.length);
    expect((await list(contoso, { from: '2099-01-01T00:00:00Z' }).expect(200)).body.total).toBe(0);

    const theirs = (await list(northwind, { limit: 500 }).expect(200)).body.items as AuditEventView[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((event) => event.organizationId === northwind.organizationId)).toBe(true);
    expect((await list(northwind, { actorId: contosoAdminId }).expect(200)).body.total).toBe(0);
  });

  it('answers 422 for a filter that cannot be one, and needs an admin token', async () => {
    const malformed: Record<string, string | number>[] = [{ actorId: 'root' }, { action: 'member.renamed' }, { from: 'yesterday' }, { limit: 0 }, { page: 'two' }];
    for (const query of malformed) {
      const answer = await list(contoso, query).expect(422);
      expect(answer.body.code).toBe('validation_failed');
    }
    await stack.http().get('/api/v1/audit-events').expect(401);
  });

  it('offers no way to change or delete a record', async () => {
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const answer = await stack.http()[method]('/api/v1/audit-events').set(auth(contoso)).send({});
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
    const [one] = await recorded(contoso, {});
    for (const method of ['get', 'put', 'patch', 'delete'] as const) {
      expect((await stack.http()[method](`/api/v1/audit-events/${one.id}`).set(auth(contoso)).send({})).status).toBe(404);
    }
  });

  it('records a message delivered twice once, and parks a malformed one in members.audit-events.dead', async () => {
    const connection = await connect(stack.amqpUrl);
    const channel = await connection.createConfirmChannel();
    const message = (id: string) => ({
      id,
      action: 'batch.committed',
      at: new Date().toISOString(),
      organizationId: contoso.organizationId,
      actor: { type: 'admin', id: contosoAdminId },
      object: { type: 'batch', id: randomUUID() },
      sourceAddress: null,
      requestId: null,
      details: {},
    });
    const publish = (body: unknown) => channel.publish(Exchanges.Audit, RoutingKeys.AuditEvent, Buffer.from(JSON.stringify(body)), { persistent: true });
    const twice = randomUUID();
    const marker = randomUUID();
    publish(message(twice));
    publish(message(twice));
    publish({ ...message(randomUUID()), password: WRONG_PASSWORD });
    publish(message(marker));
    await channel.waitForConfirms();
    await eventually(async () => ((await rawEvents().countDocuments({ _id: marker })) === 1 ? true : undefined), 20_000, 'the marker event');
    expect(await rawEvents().countDocuments({ _id: twice })).toBe(1);
    const dead = await eventually(async () => ((await channel.checkQueue(Queues.MembersAuditEventsDead)).messageCount === 1 ? true : undefined), 10_000, 'the malformed message parked');
    expect(dead).toBe(true);
    await connection.close();
  });

  it('deletes events past AUDIT_RETENTION_DAYS and keeps the others', async () => {
    const old = { _id: `retention-old-${randomUUID()}`, action: 'admin.signed_in', at: new Date(Date.now() - 401 * 24 * 3600 * 1000), organizationId: contoso.organizationId };
    const recent = { ...old, _id: `retention-recent-${randomUUID()}`, at: new Date(Date.now() - 399 * 24 * 3600 * 1000) };
    await stack.db().collection<{ _id: string }>('audit_events').insertMany([old, recent]);

    expect(await stack.members!.app.get(AuditRetention).sweep()).toBe(1);

    expect(await rawEvents().countDocuments({ _id: old._id })).toBe(0);
    expect(await rawEvents().countDocuments({ _id: recent._id })).toBe(1);
  });

  it('holds no secret: no password, token or hash anywhere in the collection', async () => {
    const hashes = (
      await Promise.all(['accounts', 'admins'].map((name) => stack.db().collection<{ passwordHash: string | null }>(name).find({}).toArray()))
    )
      .flat()
      .map((account) => account.passwordHash)
      .filter(Boolean) as string[];
    expect(hashes.length).toBeGreaterThan(3);
    const stored = JSON.stringify(await rawEvents().find({}).toArray());
    expect(stored.length).toBeGreaterThan(1_000);
    for (const secret of [...secrets, ...hashes]) expect(stored).not.toContain(secret);
    // A field may be named (`changedFields: ["password"]`), never hold a value.
    expect(stored).not.toMatch(/"(password|passwordHash|token|newPassword|typedLogin)":/);
  });
});
