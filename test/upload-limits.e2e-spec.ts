import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SignedInAdmin, TestStack } from '@app/testing';
import { batchSettled } from './support/batch-settled';
import { rosterApps } from './support/roster-apps';
import { awayFromWindowEnd } from './support/time-windows';

jest.setTimeout(90_000);

const UPLOAD_DIRECTORY = join(tmpdir(), 'roster-uploads');
const MAX_ROWS = 5;
const UPLOADS_PER_MINUTE = 12;

const GATEWAY_LIMITS = { IMPORT_MAX_ROWS: String(MAX_ROWS), IMPORT_UPLOADS_PER_MINUTE: String(UPLOADS_PER_MINUTE), IMPORT_MAX_BYTES: '65536' };

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
const members = (count: number) => ['email', ...Array.from({ length: count }, (_, index) => `m${index}@example.com`)];

/**
 * What an upload may not do, through real HTTP: pass a limit (rows, columns, a cell), leave its
 * temporary file behind on any path, or come more often than IMPORT_UPLOADS_PER_MINUTE per admin;
 * and the console's sign-in form has the API's per-address limit.
 */
describe('upload limits', () => {
  const stack = new TestStack('upload_limits', rosterApps);
  let admin: SignedInAdmin;
  const auth = (who: SignedInAdmin = admin) => ({ Authorization: `Bearer ${who.token}` });
  const upload = (content: Buffer, who?: SignedInAdmin, headers: Record<string, string> = {}) =>
    stack.http().post('/api/v1/member-batches').set(auth(who)).set(headers).attach('file', content, 'members.csv');
  const batchesOf = (who: SignedInAdmin) => stack.db().collection('member_batches').countDocuments({ organizationId: who.organizationId });
  /** Files other runs left (before uploads were removed on every path) are not this test's. */
  let leftBefore = new Set<string>();
  const spooled = () => readdirSync(UPLOAD_DIRECTORY).filter((name) => !leftBefore.has(name));

  beforeAll(async () => {
    await stack.start({ gateway: GATEWAY_LIMITS });
    admin = await stack.signInNewAdmin('Limits', 'admin@limits.example', 'en');
    leftBefore = new Set(readdirSync(UPLOAD_DIRECTORY));
  });

  afterAll(() => stack.stop());

  it('keeps uploads in a folder of its own (0700), each file 0600 while it exists', () => {
    const folder = statSync(UPLOAD_DIRECTORY);
    expect(folder.mode & 0o777).toBe(0o700);
    expect(folder.uid).toBe(process.getuid!());
  });

  it.each<[string, Buffer, string, RegExp]>([
    ['more rows than IMPORT_MAX_ROWS', csv(members(MAX_ROWS + 1)), 'too_many_rows', /more than 5 member rows/],
    ['more than 500 columns', csv(['email,' + Array.from({ length: 600 }, (_, index) => `c${index}`).join(','), 'jane@example.com']), 'too_many_columns', /Line 1 has 601 columns/],
    ['a cell over 32,767 characters', csv(['email,note', `jane@example.com,${'x'.repeat(40_000)}`]), 'cell_too_large', /Line 2, column 2 holds 40,000 characters/],
  ])('refuses %s with 422, keeping nothing', async (_case, file, code, message) => {
    const storedBefore = await stack.db().collection('uploads.files').countDocuments();
    const response = await upload(file).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code, message: expect.stringMatching(message) });
    expect(await batchesOf(admin)).toBe(0);
    expect(await stack.db().collection('uploads.files').countDocuments()).toBe(storedBefore);
    expect(spooled()).toEqual([]);
  });

  it('takes a file of exactly IMPORT_MAX_ROWS rows, and removes its temporary file', async () => {
    const response = await upload(csv(members(MAX_ROWS))).expect(202);
    await batchSettled(stack, auth(), response.body.id);
    expect(spooled()).toEqual([]);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['a bad Idempotency-Key', () => upload(csv(members(1)), admin, { 'Idempotency-Key': 'not a key!' }).expect(422)],
    ['a file over IMPORT_MAX_BYTES', () => upload(Buffer.alloc(70_000, 'a')).expect(413)],
    ['an unreadable file', () => upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3])).expect(422)],
    ['a file and an unknown field', () => stack.http().post('/api/v1/member-batches').set(auth()).field('colour', 'red').attach('file', csv(members(1)), 'a.csv').expect(422)],
  ])('removes the temporary file of a refusal: %s', async (_case, send) => {
    await send();
    // Removed as the response ends, which the client may see a moment before.
    await waitFor(() => (spooled().length === 0 ? true : undefined), 2_000);
  });

  it('removes the temporary file of a client that goes away mid-upload', async () => {
    const socket = await import('node:net').then(({ connect }) => connect(new URL(stack.gateway.url).port ? Number(new URL(stack.gateway.url).port) : 80, '127.0.0.1'));
    await new Promise((resolve) => socket.once('connect', resolve));
    const boundary = 'cut-short';
    socket.write(
      `POST /api/v1/member-batches HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin.token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 60000\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nemail\n${'a'.repeat(20_000)}`,
    );
    // The file exists while the upload streams, and only this user may read it.
    const file = await waitFor(() => spooled()[0]);
    const mode = statSync(join(UPLOAD_DIRECTORY, file)).mode & 0o777;
    socket.destroy();
    expect(mode).toBe(0o600);
    await waitFor(() => (spooled().length === 0 ? true : undefined));
  });

  it('answers 429 with Retry-After past IMPORT_UPLOADS_PER_MINUTE uploads of one admin, on any gateway; another admin is not held', async () => {
    const busy = await stack.signInNewAdmin('Busy', 'admin@busy.example', 'en');
    const other = await stack.signInNewAdmin('Other', 'admin@other.example', 'en');
    await awayFromWindowEnd(60_000, 15_000);
    const second = await rosterApps.startGateway({ ...stack.sharedEnvironment, ...GATEWAY_LIMITS, GATEWAY_PORT: '0' });
    try {
      const gateways = [stack.gateway, second];
      const statuses: number[] = [];
      for (let index = 0; index <= UPLOADS_PER_MINUTE; index += 1) {
        const gateway = gateways[index % 2];
        const response = await (await import('supertest')).default(gateway.url).post('/api/v1/member-batches').set(auth(busy)).attach('file', csv(members(MAX_ROWS + 1)), 'm.csv');
        statuses.push(response.status);
        if (index === UPLOADS_PER_MINUTE) {
          expect(response.body).toMatchObject({ statusCode: 429, code: 'too_many_attempts', message: expect.stringContaining(`at most ${UPLOADS_PER_MINUTE} a minute`) });
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([...Array(UPLOADS_PER_MINUTE).fill(422), 429]);
      expect(spooled()).toEqual([]);
      await upload(csv(members(MAX_ROWS + 1)), other).expect(422);
    } finally {
      await second.close();
    }
  });

  it('limits console sign-ins per address as the API does: the 21st in a minute is a page saying so', async () => {
    await awayFromWindowEnd(60_000, 15_000);
    const statuses: number[] = [];
    let last = { status: 0, text: '', headers: {} as Record<string, string> };
    for (let index = 0; index < 21; index += 1) {
      const response = await stack.http().post('/console/sign-in').type('form').send({ email: 'nobody@limits.example', password: 'wrong-password-123' });
      statuses.push(response.status);
      last = { status: response.status, text: response.text, headers: response.headers as Record<string, string> };
    }
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(last.status).toBe(429);
    expect(last.headers['content-type']).toMatch(/text\/html/);
    expect(last.text).toContain('Too many sign-ins from your network address');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
