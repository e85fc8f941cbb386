import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventTap, eventually, serviceAmqpUrl, type SignedInAdmin, TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

const ROWS = 4_000;
const workerEntry = join(__dirname, '../dist/apps/members/src/main.js');

describe('an import worker killed mid-batch', () => {
  // The API answers in this process; the only worker is a separate process we can kill -9.
  const stack = new TestStack('worker_crash', rosterApps);
  let admin: SignedInAdmin;
  let worker: ChildProcess | undefined;
  let tap: EventTap;

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [workerEntry], {
      env: { ...process.env, ...stack.sharedEnvironment, AMQP_URL: serviceAmqpUrl('members'), MEMBERS_ROLE: 'worker', NODE_OPTIONS: '' },
      stdio: 'ignore',
    });
    worker = child;
    return child;
  }

  async function killWorker(): Promise<void> {
    const child = worker!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  const batchOf = async (id: string) => (await stack.http().get(`/api/v1/member-batches/${id}`).set('Authorization', `Bearer ${admin.token}`)).body;

  beforeAll(async () => {
    if (!existsSync(workerEntry)) throw new Error('run `npm run build` first: this test starts the built members service as a separate process');
    await stack.start({ members: { MEMBERS_ROLE: 'api' } });
    tap = await EventTap.start(stack.amqpUrl, 'member.account.created');
    admin = await stack.signInNewAdmin('Woodgrove', 'admin@woodgrove.example');
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await tap?.stop();
    await stack.stop();
  });

  it('loses no row and creates no account twice when its worker dies during validation and during commit', async () => {
    startWorker();
    const lines = ['Email,First name,Last name'];
    for (let index = 0; index < ROWS; index += 1) lines.push(`employee${index}@woodgrove.example,Employee,Number${index}`);
    const auth = { Authorization: `Bearer ${admin.token}` };
    const batch = (await stack.http().post('/api/v1/member-batches').set(auth).attach('file', Buffer.from(lines.join('\r\n')), 'woodgrove.csv').expect(202)).body;

    await eventually(async () => ((await batchOf(batch.id)).progress?.processed > 0 ? true : undefined), 60_000, 'validation to start');
    await killWorker();
    startWorker();
    const ready = await eventually(async () => {
      const current = await batchOf(batch.id);
      return current.status === 'ready' ? current : undefined;
    }, 90_000, 'the batch to be ready');
    expect(ready.counts).toEqual({ total: ROWS, valid: ROWS, invalid: 0, created: 0, invited: 0, failed: 0 });
    const rows = (await stack.http().get(`/api/v1/member-batches/${batch.id}/rows?limit=1`).set(auth).expect(200)).body;
    expect(rows.total).toBe(ROWS);

    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth).expect(202);
    await eventually(async () => ((await batchOf(batch.id)).progress?.processed > 0 ? true : undefined), 60_000, 'the commit to start');
    await killWorker();
    startWorker();
    const done = await eventually(async () => {
      const current = await batchOf(batch.id);
      return current.status === 'completed' ? current : undefined;
    }, 120_000, 'the batch to complete');
    expect(done.counts).toEqual({ total: ROWS, valid: 0, invalid: 0, created: ROWS, invited: 0, failed: 0 });
    const members = (await stack.http().get('/api/v1/members?q=woodgrove.example&limit=1').set(auth).expect(200)).body;
    expect(members.total).toBe(ROWS);

    await tap.waitFor('AccountCreated', ROWS, 90_000);
    const memberIds = new Set(tap.ofType('AccountCreated').map((message) => (message.body.data as { memberId: string }).memberId));
    expect(memberIds.size).toBe(ROWS);
  });
});
