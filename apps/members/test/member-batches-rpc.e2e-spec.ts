import { loadEnvironment } from '@app/config';
import { type CreateEmailBatchCommand, ErrorCode, MembersRpc, Queues, RoutingKeys } from '@app/contracts';
import type { MembersRpcClient } from '@app/messaging';
import { connectMembersRpc, deleteQueues, dropTestDatabase, EventTap, eventually, type MembersRpcRefusal, serviceAmqpUrl, testAmqpUrl, testMongoUrl } from '@app/testing';
import { type RunningMembersService, startMembersService } from '../src/bootstrap';
import { MembersEnvironment } from '../src/config/members.environment';
import { BATCH_WORK_QUEUE } from '../src/member-batches/batch-work/batch-work.queue';
import { CreateAdminUseCase } from '../src/organizations/create-admin.usecase';

jest.setTimeout(60_000);

const ADMIN_PASSWORD = 'Blue-Harbor-Lamp-42';
const TYPED = 'Élodie Lefèvre <elodie.lefevre@contoso.example>; jurgen.gross@contoso.example,\nli.wu@contoso.example';
const EMAILS = ['elodie.lefevre@contoso.example', 'jurgen.gross@contoso.example', 'li.wu@contoso.example'];

/** The tenant scope of every batch request: the gateway takes it from the admin's verified token. */
interface Scope {
  organizationId: string;
  adminId: string;
}

describe('the members service alone, over RabbitMQ: typed emails become accounts and AccountCreated events', () => {
  const mongoUrl = testMongoUrl('members_rpc');
  const amqpUrl = testAmqpUrl();
  let members: RunningMembersService;
  let rpc: MembersRpcClient;
  let tap: EventTap;
  let contoso: Scope;
  let fabrikam: Scope;
  let committed: { id: string; rowId: string };

  /** As `npm run admin:create` does: there is no request for it on the RPC queue. */
  async function createAdmin(organization: string, email: string, locale: 'fr' | 'en'): Promise<Scope> {
    const { organizationId, adminId } = await members.app.get(CreateAdminUseCase).execute({ organization, email, password: ADMIN_PASSWORD, locale });
    return { organizationId, adminId };
  }

  /** The error a request is refused with; fails if the request is answered. */
  const refusal = (request: Promise<unknown>): Promise<MembersRpcRefusal> =>
    request.then(
      (reply) => {
        throw new Error(`the request was answered: ${JSON.stringify(reply)}`);
      },
      (error: MembersRpcRefusal) => error,
    );

  const ofBatch = (type: string, batchId: string) => tap.ofType(type).filter((event) => (event.body.data as { batchId: string }).batchId === batchId);

  beforeAll(async () => {
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
    members = await startMembersService(loadEnvironment(MembersEnvironment, { MONGO_URL: mongoUrl, AMQP_URL: serviceAmqpUrl('members'), LOG_LEVEL: 'warn' }));
    rpc = connectMembersRpc(serviceAmqpUrl('gateway'));
    tap = await EventTap.start(amqpUrl);
    contoso = await createAdmin('Contoso', 'admin@contoso.example', 'fr');
    fabrikam = await createAdmin('Fabrikam', 'admin@fabrikam.example', 'en');
  });

  afterAll(async () => {
    await tap?.stop();
    await rpc?.onApplicationShutdown();
    await members?.close();
    await dropTestDatabase(mongoUrl);
  });

  it("verifies an admin's credentials, and refuses a wrong password with invalid_credentials", async () => {
    const identity = await rpc.send(MembersRpc.VerifyAdmin, { email: 'ADMIN@contoso.example', password: ADMIN_PASSWORD });
    expect(identity).toEqual({ ...contoso, email: 'admin@contoso.example', locale: 'fr' });

    const wrong = await refusal(rpc.send(MembersRpc.VerifyAdmin, { email: 'admin@contoso.example', password: 'Not-The-Password-1' }));
    const unknown = await refusal(rpc.send(MembersRpc.VerifyAdmin, { email: 'nobody@contoso.example', password: 'Not-The-Password-1' }));
    expect(wrong.code).toBe(ErrorCode.InvalidCredentials);
    expect([unknown.code, unknown.message]).toEqual([wrong.code, wrong.message]);
  });

  it('makes a ready batch of typed emails, commits it, and publishes one AccountCreated per account, then BatchCompleted', async () => {
    const batch = await rpc.send(MembersRpc.CreateEmailBatch, { ...contoso, emails: TYPED });
    const rows = batch.rows ?? [];
    expect(batch).toMatchObject({ status: 'ready', source: 'emails', counts: { total: 3, valid: 3, invalid: 0, created: 0, failed: 0 } });
    expect(rows.map((row) => [row.line, row.email, row.status])).toEqual(EMAILS.map((email, index) => [index + 1, email, 'valid']));
    expect(rows[0]).toMatchObject({ firstName: 'Élodie', lastName: 'Lefèvre', accountName: expect.stringMatching(/^elodie/) });

    const committing = await rpc.send(MembersRpc.CommitBatch, { ...contoso, batchId: batch.id });
    expect(committing.status).toBe('committing');
    const done = await eventually(async () => {
      const current = await rpc.send(MembersRpc.GetBatch, { ...contoso, batchId: batch.id });
      return current.status === 'completed' ? current : undefined;
    }, 30_000, `batch ${batch.id} completed`);
    expect(done.counts).toEqual({ total: 3, valid: 0, invalid: 0, created: 3, invited: 0, failed: 0 });
    committed = { id: batch.id, rowId: rows[0].id };

    // Each AccountCreated is confirmed by the broker before its chunk counts as done, so the batch's
    // BatchCompleted comes after them: once it is on the tap, every AccountCreated of the batch is too.
    const [completion] = await eventually(async () => (ofBatch('BatchCompleted', batch.id).length > 0 ? ofBatch('BatchCompleted', batch.id) : undefined), 20_000, 'BatchCompleted');
    expect(completion.routingKey).toBe(RoutingKeys.BatchCompleted);
    expect(completion.body).toMatchObject({ organizationId: contoso.organizationId, data: { batchId: batch.id, status: 'completed', counts: done.counts, startedByAdminId: contoso.adminId } });

    const created = ofBatch('AccountCreated', batch.id);
    expect(created).toHaveLength(3);
    const createdRows = await rpc.send(MembersRpc.ListBatchRows, { ...contoso, batchId: batch.id, query: { status: 'created', page: 1, limit: 10 } });
    const data = created.map((event) => event.body.data as { memberId: string; email: string; accountName: string; firstName: string | null });
    expect(data.map((account) => account.memberId).sort()).toEqual(createdRows.items.map((row) => row.memberId).sort());
    expect(data.map((account) => account.email).sort()).toEqual([...EMAILS].sort());
    expect(data.find((account) => account.email === EMAILS[0])).toMatchObject({ firstName: 'Élodie', accountName: rows[0].accountName });
    for (const event of created) {
      expect(event.routingKey).toBe(RoutingKeys.AccountCreated);
      expect(event.persistent).toBe(true);
      expect(event.messageId).toBe(event.body.id);
      expect(event.body).toMatchObject({
        type: 'AccountCreated',
        organizationId: contoso.organizationId,
        data: { accountType: 'business', locale: 'fr', batchId: batch.id, organizationName: 'Contoso', passwordSetByAdmin: false },
      });
      expect(event.raw).not.toMatch(/"password"|hash|token|scrypt/i);
    }
  });

  it('refuses with stable codes: another organization’s batch, a malformed request, an edit after commit', async () => {
    expect((await refusal(rpc.send(MembersRpc.CommitBatch, { ...fabrikam, batchId: committed.id }))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(rpc.send(MembersRpc.GetBatch, { ...fabrikam, batchId: committed.id }))).code).toBe(ErrorCode.NotFound);

    // Messages from RabbitMQ are validated like HTTP bodies: a bad id and an unknown field are both named.
    const malformed = await refusal(rpc.send(MembersRpc.CreateEmailBatch, { ...contoso, adminId: 'not-a-uuid', emails: 'someone@contoso.example', admin: true } as CreateEmailBatchCommand));
    expect(malformed.code).toBe(ErrorCode.ValidationFailed);
    expect((malformed.details as { field: string }[]).map((detail) => detail.field)).toEqual(expect.arrayContaining(['adminId', 'admin']));

    const edit = await refusal(rpc.send(MembersRpc.UpdateBatchRow, { ...contoso, batchId: committed.id, rowId: committed.rowId, patch: { firstName: 'Late' } }));
    expect(edit.code).toBe(ErrorCode.BatchNotEditable);

    const again = await rpc.send(MembersRpc.CreateEmailBatch, { ...contoso, emails: EMAILS });
    expect((again.rows ?? []).map((row) => row.errors.map((error) => error.code))).toEqual(EMAILS.map(() => [ErrorCode.AlreadyMember]));
  });
});
