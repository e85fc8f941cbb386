import { MAX_BROKER_MESSAGE_BYTES } from '@app/messaging';
import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(400_000);

const COLUMNS = 36;
const CELL = 1_000;
const ROWS = 520;

/**
 * A file of heavy rows (35 cells of 1,000 characters: 35 KB a row, where the limits allow 64).
 * 500 of them would make a 17 MB work message, more than RabbitMQ 4 takes; every message about
 * them must stay under 16 MiB (checked in code before each publish, since the local 3.10 broker
 * would take 128 MiB): the work is cut into lighter chunks, the pages of errors.csv are cut short,
 * and the review pages carry no cells.
 */
describe('a file of the heaviest rows the limits allow', () => {
  const stack = new TestStack('broker_message_size', rosterApps);
  let admin: SignedInAdmin;
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  beforeAll(async () => {
    await stack.start();
    admin = await stack.signInNewAdmin('Heavy', 'admin@heavy.example', 'en');
  });

  afterAll(() => stack.stop());

  /** Heavy rows are slow to write on FerretDB: a longer wait than the other upload tests'. */
  const settled = (batchId: string, status: string) =>
    eventually(async () => {
      const response = await stack.http().get(`/api/v1/member-batches/${batchId}`).set(auth());
      if (response.body.status === 'failed' && status !== 'failed') throw new Error(`batch failed: ${response.body.failureReason}`);
      return response.body.status === status ? response.body : undefined;
    }, 300_000, `batch ${batchId} ${status}`);

  it('fails, keeping nothing, when a cell past what the gateway looked at is over the limit', async () => {
    // 3,000 small rows fill more than the 64 KB the gateway reads to recognise a file; the cell comes after.
    const lines = ['email,note', ...Array.from({ length: 3_000 }, (_, index) => `late${index}@example.com,ok`), `last@example.com,${'x'.repeat(40_000)}`];
    const created = await stack.http().post('/api/v1/member-batches').set(auth()).attach('file', Buffer.from(`${lines.join('\n')}\n`), 'late.csv').expect(202);
    const failed = await settled(created.body.id, 'failed');
    expect(failed).toMatchObject({ failureCode: 'cell_too_large', failureReason: expect.stringContaining('Line 3002, column 2 holds 40,000 characters') });
    expect(await stack.db().collection('batch_rows').countDocuments({ batchId: created.body.id })).toBe(0);
    expect(await stack.db().collection('email_reservations').countDocuments({ batchId: created.body.id })).toBe(0);
    expect(await stack.db().collection('uploads.files').countDocuments()).toBe(0);
  });

  it('is read, reviewed and reported with every broker message under the limit', async () => {
    const header = ['email', ...Array.from({ length: COLUMNS - 1 }, (_, index) => `note ${index}`)].join(',');
    // Invalid addresses, so that every row is in errors.csv too.
    const rows = Array.from({ length: ROWS }, (_, index) => [`not-an-address-${index}`, ...Array.from({ length: COLUMNS - 1 }, () => 'x'.repeat(CELL))].join(','));
    const file = Buffer.from(`${[header, ...rows].join('\n')}\n`);
    // 500 of these rows alone weigh more than a broker message may.
    expect((file.length / ROWS) * 500).toBeGreaterThan(MAX_BROKER_MESSAGE_BYTES);

    const created = await stack.http().post('/api/v1/member-batches').set(auth()).attach('file', file, 'heavy.csv').expect(202);
    const batch = await settled(created.body.id, 'ready');
    expect(batch.counts).toMatchObject({ total: ROWS, invalid: ROWS, valid: 0 });
    const stored = await stack.db().collection('member_batches').findOne({ _id: created.body.id } as never);
    expect(stored?.chunkCount).toBeGreaterThan(Math.ceil(ROWS / 500));

    const page = await stack.http().get(`/api/v1/member-batches/${batch.id}/rows?limit=500`).set(auth()).expect(200);
    expect(page.body.items).toHaveLength(500);
    expect(page.body.items[0].errors[0]).toMatchObject({ code: 'invalid_email' });

    const report = await stack.http().get(`/api/v1/member-batches/${batch.id}/errors.csv`).set(auth()).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(report.status).toBe(200);
    const lines = (report.body as Buffer).toString('utf8').trim().split(/\r?\n/);
    // The header and one line a row, each row's cells whole.
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[ROWS]).toContain(`not-an-address-${ROWS - 1}`);
    expect(lines[ROWS]).toContain('x'.repeat(CELL));
  });
});
