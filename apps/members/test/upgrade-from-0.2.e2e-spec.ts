import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { loadEnvironment } from '@app/config';
import { MembersRpc, Queues } from '@app/contracts';
import type { MembersRpcClient } from '@app/messaging';
import { connectMembersRpc, deleteQueues, dropTestDatabase, eventually, serviceAmqpUrl, testMongoUrl } from '@app/testing';
import { type RunningMembersService, startMembersService } from '../src/bootstrap';
import { MembersEnvironment } from '../src/config/members.environment';
import { BATCH_WORK_QUEUE } from '../src/member-batches/batch-work/batch-work.queue';
import { CreateAdminUseCase } from '../src/organizations/create-admin.usecase';

jest.setTimeout(60_000);

const at = new Date('2026-06-01T10:00:00Z');

/** A batch row as 0.2 and 0.3 both store it: looked-up fields, the rest as JSON. */
function row(batchId: string, organizationId: string, line: number, chunk: number, email: string, accountName: string) {
  const details = { email, emailNormalized: email, userName: null, firstName: null, lastName: null, accountName, accountNameChosen: false, suggestions: [accountName], passwordHash: null, problems: [], notices: [], memberId: null, cells: [email] };
  return { _id: randomUUID(), batchId, organizationId, line, chunk, status: 'valid', details: JSON.stringify(details) };
}

describe('upgrading the data of 0.2: accounts learn their chunk, milestones become reports and claims', () => {
  const mongoUrl = testMongoUrl('upgrade_from_0_2');
  let mongo: MongoClient;
  let members: RunningMembersService | undefined;
  let rpc: MembersRpcClient;

  beforeAll(async () => {
    mongo = await new MongoClient(mongoUrl).connect();
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
    rpc = connectMembersRpc(serviceAmqpUrl('gateway'));
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await members?.close();
    await mongo?.close();
    await dropTestDatabase(mongoUrl);
  });

  it('lists the members of a batch committed by 0.2, page by page, with the outcomes 0.2 recorded', async () => {
    // The admin first (0.3 creates its indexes), then the data 0.2 left: a batch of two chunks committed.
    members = await startMembersService(loadEnvironment(MembersEnvironment, { MONGO_URL: mongoUrl, AMQP_URL: serviceAmqpUrl('members'), LOG_LEVEL: 'warn' }));
    const scope = await members.app.get(CreateAdminUseCase).execute({ organization: 'Contoso', email: 'admin@contoso.example', password: 'Blue-Harbor-Lamp-42', locale: 'en' });
    await members.close();
    members = undefined;
    const db = mongo.db();
    // Roster's documents have string ids.
    const collection = (name: string) => db.collection<{ _id: string } & Record<string, unknown>>(name);
    await db.collection('completed_migrations').deleteMany({});

    const batchId = randomUUID();
    const { organizationId } = scope;
    const rows = [row(batchId, organizationId, 2, 0, 'ada@contoso.example', 'ada'), row(batchId, organizationId, 3, 0, 'alan@contoso.example', 'alan'), row(batchId, organizationId, 4, 1, 'grace@contoso.example', 'grace')];
    await collection('batch_rows').insertMany(rows);
    await collection('accounts').insertMany(
      rows.map((stored, index) => ({
        _id: stored._id,
        organizationId,
        email: JSON.parse(stored.details).email,
        emailNormalized: JSON.parse(stored.details).email,
        accountName: index === 2 ? 'grace2' : JSON.parse(stored.details).accountName,
        firstName: null,
        lastName: null,
        status: 'pending_activation',
        passwordHash: null,
        mustChangePassword: false,
        locale: 'en',
        batchId,
        createdAt: at,
        activatedAt: null,
      })),
    );
    await collection('member_batches').insertOne({
      _id: batchId, organizationId, createdByAdminId: scope.adminId, source: 'csv', status: 'completed', fileName: 'people.csv', uploadId: null, ignoredColumns: [], headers: ['email'], delimiter: ',', parsedRows: 3,
      counts: { total: 3, valid: 0, invalid: 0, created: 3, failed: 0 }, chunkCount: 2, failureReason: null, createdAt: at, validationStartedAt: at, commitStartedAt: at, completedAt: at, pendingEvent: null, eventPending: false,
    });
    const milestone = (phase: string, key: string, fields: object = {}) => ({ _id: `${batchId}:${phase}:${key}`, batchId, phase, rows: 0, chunk: null, valid: null, created: null, completedAt: at, ...fields });
    await collection('batch_milestones').insertMany([
      milestone('validate', '0', { rows: 2, chunk: 0, valid: 2 }),
      milestone('validate', '1', { rows: 1, chunk: 1, valid: 1 }),
      milestone('commit', '0', { rows: 2, chunk: 0, created: 2 }),
      milestone('commit', '1', { rows: 1, chunk: 1, created: 1 }),
      milestone('validate-ticket', '0'),
      milestone('commit:claim', 'claim'),
      milestone('commit:final', 'final'),
    ]);
    const renamed = { rowId: rows[2]._id, line: 4, status: 'created', accountName: 'grace2', notices: [{ code: 'account_name_replaced', message: 'grace was taken' }], problems: [] };
    await collection('batch_commit_results').insertOne({ _id: `${batchId}:1`, batchId, chunk: 1, created: 1, failed: 0, notableOutcomes: [renamed], completedAt: at });
    await collection('batch_request_keys').insertOne({ _id: `${organizationId}:file:abc`, batchId, createdAt: at });

    members = await startMembersService(loadEnvironment(MembersEnvironment, { MONGO_URL: mongoUrl, AMQP_URL: serviceAmqpUrl('members'), LOG_LEVEL: 'warn' }));
    const upgradesFrom02 = ['accounts-keep-their-chunk', 'batch-reports-and-claims'];
    await eventually(
      async () => ((await db.collection<{ _id: string }>('completed_migrations').countDocuments({ _id: { $in: upgradesFrom02 } })) === 2 ? true : undefined),
      30_000,
      'both migrations recorded',
    );

    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);
    expect(names.filter((name) => ['batch_milestones', 'batch_commit_results', 'batch_request_keys'].includes(name))).toEqual([]);
    const claims = (await collection('batch_claims').find({}).toArray()).map((claim) => claim._id).sort();
    expect(claims).toEqual([`${batchId}:commit`, `${batchId}:commit-closed`, `${batchId}:validate-ticket:0`, `request:${organizationId}:file:abc`].sort());

    const scoped = { organizationId, adminId: scope.adminId };
    const firstPage = await rpc.send(MembersRpc.ListMembers, { ...scoped, query: { page: 1, limit: 2 } });
    const secondPage = await rpc.send(MembersRpc.ListMembers, { ...scoped, query: { page: 2, limit: 2 } });
    expect(firstPage.total).toBe(3);
    expect([...firstPage.items, ...secondPage.items].map((member) => member.accountName).sort()).toEqual(['ada', 'alan', 'grace2']);
    expect(secondPage.items.map((member) => member.accountName)).toEqual(['grace2']);

    const created = await rpc.send(MembersRpc.ListBatchRows, { ...scoped, batchId, query: { status: 'created', page: 1, limit: 10 } });
    expect(created.total).toBe(3);
    expect(created.items.find((item) => item.email === 'grace@contoso.example')).toMatchObject({ accountName: 'grace2', notices: [expect.objectContaining({ code: 'account_name_replaced' })] });
  });
});
