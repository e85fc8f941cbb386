import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { batchSettled } from './support/batch-settled';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(90_000);

const fixture = (name: string) => readFileSync(join(__dirname, '../libs/csv-import/test/fixtures/csv', name));

interface ExpectedRow {
  line: number;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  accountName?: string;
  status?: 'valid' | 'invalid';
  errorCode?: string;
}

describe('importing members from a directory CSV', () => {
  const stack = new TestStack('csv_import', rosterApps);
  let admin: SignedInAdmin;
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  const upload = (content: Buffer | string, name = 'members.csv', headers: Record<string, string> = {}) =>
    stack.http().post('/api/v1/member-batches').set(auth()).set(headers).attach('file', Buffer.from(content), name);

  const settled = (batchId: string, status = 'ready') => batchSettled(stack, auth(), batchId, status);

  async function rowsOf(batchId: string) {
    return (await stack.http().get(`/api/v1/member-batches/${batchId}/rows?limit=500`).set(auth()).expect(200)).body.items;
  }

  const storedUploads = () => stack.db().collection('uploads.files').countDocuments();

  beforeAll(async () => {
    await stack.start();
    admin = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
  });

  afterAll(() => stack.stop());

  it.each<[string, ExpectedRow[], string[]]>([
    [
      'utf8-bom-semicolon.csv',
      [
        { line: 2, email: 'helene.dupont@example.fr', firstName: 'Hélène', lastName: 'Dupont', accountName: 'helene_dupont' },
        { line: 3, email: 'francoise.martin@example.fr', firstName: 'Françoise', lastName: 'Martin', accountName: 'francoise_martin' },
        { line: 4, email: 'gael.le-goff@example.fr', firstName: 'Gaël', lastName: 'Le Goff', accountName: 'gael_le_goff' },
      ],
      [],
    ],
    [
      'utf8-comma.csv',
      [
        { line: 2, email: 'zoe.perez@example.com', firstName: 'Zoë', lastName: 'Pérez', accountName: 'zoe_perez' },
        { line: 3, email: 'jose.nunez@example.com', firstName: 'José', lastName: 'Núñez', accountName: 'jose_nunez' },
      ],
      [],
    ],
    [
      'windows-1252-french-excel.csv',
      [
        { line: 2, email: 'helene.dupont@example.fr', firstName: 'Hélène', lastName: 'Dupont' },
        { line: 3, email: 'francoise.ndiaye@example.fr', firstName: 'Françoise', lastName: 'N’Diaye', accountName: 'francoise_ndiaye' },
        { line: 4, email: 'gael.lefevre@example.fr', firstName: 'Gaël', lastName: 'Lefèvre', accountName: 'gael_lefevre' },
      ],
      [],
    ],
    [
      'utf16le-bom-tab.csv',
      [
        { line: 2, email: 'lukasz.nowak@example.com', firstName: 'Łukasz', lastName: 'Nowak', accountName: 'lukasz_nowak' },
        { line: 3, email: 'soren.kierkegaard@example.com', firstName: 'Søren', lastName: 'Kierkegaard', accountName: 'soren_k' },
      ],
      [],
    ],
    [
      'utf16be-bom.csv',
      [
        { line: 2, email: 'noemie.roux@example.fr', firstName: 'Noémie', accountName: 'noemie_roux' },
        { line: 3, email: 'jerome.blanc@example.fr', firstName: 'Jérôme', accountName: 'jerome_blanc' },
      ],
      [],
    ],
    [
      'quoted-fields.csv',
      [
        { line: 2, email: 'dupont@example.com', lastName: 'Dupont, Jr.', accountName: 'jdupont' },
        { line: 3, email: 'martin@example.com', lastName: 'O"Brien', accountName: 'pmartin' },
        { line: 5, email: 'bernard@example.com', lastName: 'Bernard', accountName: 'lbernard' },
        { line: 8, email: 'petit@example.com', lastName: 'Petit', accountName: 'spetit' },
      ],
      ['Notes'],
    ],
    [
      'blank-lines-crlf.csv',
      [
        // "alice" is too short to be an account name: the row says so and offers others.
        { line: 4, email: 'alice@example.com', status: 'invalid', errorCode: 'invalid_account_name' },
        { line: 7, email: 'bob@example.com', status: 'invalid', errorCode: 'invalid_account_name' },
        { line: 10, email: 'carol@example.com', status: 'invalid', errorCode: 'invalid_account_name' },
      ],
      [],
    ],
    [
      'no-header.csv',
      [
        { line: 1, email: 'alice@example.com', accountName: 'alice_martin' },
        { line: 2, email: 'bob@example.com', accountName: 'bob_durand' },
        { line: 3, email: 'carol@example.com' },
      ],
      [],
    ],
    [
      'english-extra-columns.csv',
      [
        { line: 2, email: 'ada.lovelace@example.com', firstName: 'Ada', lastName: 'Lovelace', accountName: 'ada_lovelace' },
        { line: 3, email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper', accountName: 'grace_hopper' },
      ],
      ['Department', 'Phone'],
    ],
  ])('reads %s: encoding, delimiter, headers and physical line numbers', async (name, expected, ignoredColumns) => {
    const accepted = await upload(fixture(name), name).expect(202);
    expect(accepted.body).toMatchObject({ status: 'validating', source: 'csv', fileName: name });
    const ready = await settled(accepted.body.id);
    expect(ready.ignoredColumns).toEqual(ignoredColumns);
    expect(ready.counts.total).toBe(expected.length);
    const rows = await rowsOf(accepted.body.id);
    expect(rows).toHaveLength(expected.length);
    for (const [index, { errorCode, ...want }] of expected.entries()) {
      expect(rows[index]).toMatchObject({ status: 'valid', ...want });
      expect(rows[index].errors.map((error: { code: string }) => error.code)).toEqual(errorCode ? [errorCode] : []);
      expect(rows[index].suggestions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([
    ['not-csv.png', 'unreadable_file'],
    ['not-csv.zip', 'unreadable_file'],
    ['empty.csv', 'empty_file'],
    ['whitespace-only.csv', 'empty_file'],
    ['header-only.csv', 'empty_file'],
    ['no-email-column.csv', 'missing_email_column'],
  ])('refuses %s with %s and keeps nothing', async (name, code) => {
    const before = await storedUploads();
    const response = await upload(fixture(name), name).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code });
    expect(response.body.message.length).toBeGreaterThan(20);
    expect(await storedUploads()).toBe(before);
  });

  it('finds an address repeated far down the file, in another chunk, as a duplicate of its first line', async () => {
    const lines = ['email'];
    for (let index = 0; index < 700; index += 1) lines.push(`far.apart.${index}@contoso.example`);
    lines.push('Far.Apart.3@contoso.example');
    const accepted = await upload(lines.join('\n'), 'far-apart.csv').expect(202);
    const ready = await settled(accepted.body.id);

    expect(ready.counts).toMatchObject({ total: 701, valid: 700, invalid: 1 });
    const invalid = (await stack.http().get(`/api/v1/member-batches/${accepted.body.id}/rows?status=invalid`).set(auth()).expect(200)).body.items;
    expect(invalid).toEqual([expect.objectContaining({ line: 702, errors: [expect.objectContaining({ code: 'duplicate_in_batch', message: 'This email address already appears on line 5.' })] })]);
  });

  it('moves a row from invalid to valid when the admin picks a name, and the batch counts follow', async () => {
    const accepted = await upload('email;user name\nshort.name@contoso.example;ab\nfine.name@contoso.example;\n', 'short-name.csv').expect(202);
    const ready = await settled(accepted.body.id);
    expect(ready.counts).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    const [row] = (await stack.http().get(`/api/v1/member-batches/${accepted.body.id}/rows?status=invalid`).set(auth()).expect(200)).body.items;

    await stack.http().patch(`/api/v1/member-batches/${accepted.body.id}/rows/${row.id}`).set(auth()).send({ accountName: row.suggestions[0] }).expect(200);

    const edited = (await stack.http().get(`/api/v1/member-batches/${accepted.body.id}`).set(auth()).expect(200)).body;
    expect(edited.counts).toMatchObject({ total: 2, valid: 2, invalid: 0 });
  });

  it('respells a user name that cannot be an account name as it is, with a notice, and keeps the row valid; a name the admin types is still refused', async () => {
    const content = 'email,user name\nzoe.lefevre@contoso.example,"zoë;lefèvre"\nzoe.other@contoso.example,zoe_lefevre\n';
    const accepted = await upload(content, 'respelled.csv').expect(202);
    const ready = await settled(accepted.body.id);
    expect(ready.counts).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    const [zoe, other] = await rowsOf(accepted.body.id);

    expect(zoe).toMatchObject({ line: 2, userName: 'zoë;lefèvre', status: 'valid', accountName: 'zoe_lefevre', errors: [] });
    expect(zoe.notices).toEqual([
      { code: 'account_name_adjusted', message: '"zoë;lefèvre" cannot be used as an account name; "zoe_lefevre" was picked instead.' },
    ]);
    expect(zoe.suggestions[0]).toBe('zoe_lefevre');
    // The respelled name is held for its row like any name a file asks for: a later line asking for it is refused.
    expect(other).toMatchObject({ line: 3, status: 'invalid', notices: [], errors: [expect.objectContaining({ code: 'account_name_taken' })] });
    expect(other.suggestions).not.toContain('zoe_lefevre');

    const typed = await stack.http().patch(`/api/v1/member-batches/${accepted.body.id}/rows/${other.id}`).set(auth()).send({ accountName: 'zoë;lefèvre2' }).expect(422);
    expect(typed.body.code).toBe('invalid_account_name');

    await stack.http().post(`/api/v1/member-batches/${accepted.body.id}/commit`).set(auth()).expect(202);
    await settled(accepted.body.id, 'completed');
    const [created] = (await stack.http().get(`/api/v1/member-batches/${accepted.body.id}/rows?status=created`).set(auth()).expect(200)).body.items;
    expect(created).toMatchObject({ line: 2, accountName: 'zoe_lefevre', notices: [expect.objectContaining({ code: 'account_name_adjusted' })] });
  });

  it('refuses a file over IMPORT_MAX_BYTES with 413 and keeps nothing', async () => {
    const small = await rosterApps.startGateway({ ...stack.sharedEnvironment, GATEWAY_PORT: '0', IMPORT_MAX_BYTES: '2048' });
    try {
      const spoolBefore = readdirSync(join(tmpdir(), 'roster-uploads')).length;
      const before = await storedUploads();
      const big = `email\n${Array.from({ length: 200 }, (_, index) => `person${index}@example.com`).join('\n')}\n`;
      const response = await request(small.url).post('/api/v1/member-batches').set(auth()).attach('file', Buffer.from(big), 'big.csv');
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ statusCode: 413, code: 'file_too_large' });
      expect(await storedUploads()).toBe(before);
      expect(readdirSync(join(tmpdir(), 'roster-uploads')).length).toBe(spoolBefore);
    } finally {
      await small.close();
    }
  });

  it('gives the rows with problems as errors.csv, in the file’s layout, neutralising formulas', async () => {
    const content = '\ufeffAdresse e-mail;Prénom;Nom\r\nok.person@example.org;Ok;Person\r\nnot an email;=cmd|calc;+33 1\r\nok.person@example.org;@SUM(1);-2\r\n';
    const batch = (await upload(content, 'errors.csv').expect(202)).body;
    await settled(batch.id);
    const response = await stack.http().get(`/api/v1/member-batches/${batch.id}/errors.csv`).set(auth()).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const text = Buffer.from(response.text, 'utf8').toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Adresse e-mail;Prénom;Nom;line;error_code;error_message');
    expect(lines[1]).toBe("not an email;'=cmd|calc;'+33 1;3;invalid_email;\"\"\"not an email\"\" is not a valid email address.\"");
    expect(lines[2]).toBe("ok.person@example.org;'@SUM(1);'-2;4;duplicate_in_batch;This email address already appears on line 2.");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('answers the same unfinished batch for the same file and for the same Idempotency-Key', async () => {
    const content = 'email\nsame.file@example.org\n';
    const first = (await upload(content, 'first.csv').expect(202)).body;
    const again = (await upload(content, 'renamed.csv').expect(202)).body;
    expect(again.id).toBe(first.id);

    const keyed = (await stack.http().post('/api/v1/member-batches').set(auth()).set('Idempotency-Key', 'retry-42').send({ emails: 'keyed@example.org' }).expect(201)).body;
    const replay = await stack.http().post('/api/v1/member-batches').set(auth()).set('Idempotency-Key', 'retry-42').send({ emails: 'other@example.org' });
    expect(replay.body.id).toBe(keyed.id);
    await stack.http().post('/api/v1/member-batches').set(auth()).set('Idempotency-Key', 'bad key!').send({ emails: 'x@example.org' }).expect(422);

    await settled(first.id);
    await stack.http().post(`/api/v1/member-batches/${first.id}/commit`).set(auth()).expect(202);
    await settled(first.id, 'completed');
    const afterCompletion = (await upload(content, 'first.csv').expect(202)).body;
    expect(afterCompletion.id).not.toBe(first.id);
  });

  it('serves a template that imports as it is', async () => {
    const template = await stack.http().get('/api/v1/member-batches/template.csv').set(auth()).expect(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    expect(template.text.startsWith('\ufeffEmail;User name;First name;Last name\r\n')).toBe(true);
    const batch = (await upload(template.text, 'template.csv').expect(202)).body;
    const ready = await settled(batch.id);
    expect(ready.counts).toMatchObject({ total: 2, valid: 2 });
  });

  it('shows progress while validating and committing a larger file, then creates every account once', async () => {
    const lines = ['Email;First name;Last name'];
    for (let index = 0; index < 3_000; index += 1) lines.push(`person.${index}@progress.example;Person;Number${index}`);
    const batch = (await upload(lines.join('\n'), 'progress.csv').expect(202)).body;
    const seen: { phase: string; processed: number; total: number }[] = [];
    const poll = async (until: string) =>
      eventually(async () => {
        const current = (await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth())).body;
        if (current.progress) seen.push(current.progress);
        return current.status === until ? current : undefined;
      }, 60_000, until);
    await poll('ready');
    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth()).expect(202);
    const done = await poll('completed');
    expect(done.counts).toEqual({ total: 3_000, valid: 0, invalid: 0, created: 3_000, invited: 0, failed: 0 });
    const validating = seen.filter((progress) => progress.phase === 'validating');
    const committing = seen.filter((progress) => progress.phase === 'committing');
    expect(validating.length).toBeGreaterThan(0);
    expect(committing.length).toBeGreaterThan(0);
    for (const series of [validating, committing]) {
      for (let index = 1; index < series.length; index += 1) expect(series[index].processed).toBeGreaterThanOrEqual(series[index - 1].processed);
    }
    expect(committing.some((progress) => progress.processed < 3_000)).toBe(true);
    const members = (await stack.http().get('/api/v1/members?q=progress.example&limit=1').set(auth()).expect(200)).body;
    expect(members.total).toBe(3_000);
  });

  it('lists members chunk by chunk: each once across pages, as many as counting them finds, accounts from before 0.3 included', async () => {
    const lines = ['Email;First name;Last name'];
    for (let index = 0; index < 1_200; index += 1) lines.push(`member.${index}@paging.example;Member;Number${index}`);
    const batch = (await upload(lines.join('\n'), 'paging.csv').expect(202)).body;
    await settled(batch.id);
    await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth()).expect(202);
    await settled(batch.id, 'completed');

    const counted = async () => {
      const byStatus = await Promise.all(['pending_activation', 'active'].map(async (status) => (await stack.http().get(`/api/v1/members?status=${status}&limit=1`).set(auth()).expect(200)).body.total));
      return byStatus[0] + byStatus[1];
    };
    const everyPage = async () => {
      const ids: string[] = [];
      const emails: string[] = [];
      let total = -1;
      for (let page = 1; ; page += 1) {
        const body = (await stack.http().get(`/api/v1/members?limit=450&page=${page}`).set(auth()).expect(200)).body;
        total = body.total;
        if (body.items.length === 0) break;
        ids.push(...body.items.map((member: { id: string }) => member.id));
        emails.push(...body.items.map((member: { email: string }) => member.email));
      }
      return { ids, emails, total };
    };
    const listed = await everyPage();
    expect(listed.total).toBe(await counted());
    expect(listed.ids).toHaveLength(listed.total);
    expect(new Set(listed.ids).size).toBe(listed.total);
    expect(listed.emails.filter((email) => email.endsWith('@paging.example'))).toHaveLength(1_200);

    // As 0.2 left them: this batch's accounts without their chunk, and no record of the migration that gives it.
    await stack.db().collection('accounts').updateMany({ batchId: batch.id }, { $unset: { chunk: '' } });
    await stack.db().collection('completed_migrations').deleteOne({ _id: 'accounts-keep-their-chunk' as never });
    await stack.members!.close();
    await stack.startMembers();
    const afterUpgrade = await eventually(async () => {
      const again = await everyPage();
      return again.ids.length === listed.total ? again : undefined;
    }, 60_000, 'the accounts of 0.2 listed again');
    expect(new Set(afterUpgrade.ids)).toEqual(new Set(listed.ids));
  });
});
