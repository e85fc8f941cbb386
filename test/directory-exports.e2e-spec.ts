import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SignedInAdmin, TestStack } from '@app/testing';
import {
  directoryWorkbook,
  encryptedWorkbook,
  formulaWorkbook,
  legacyWorkbook,
  macroWorkbook,
  secondSheetWorkbook,
  truncatedWorkbook,
  zipBombWorkbook,
} from '../libs/csv-import/src/xlsx/workbook-fixtures';
import { batchSettled } from './support/batch-settled';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures/directory-exports', name));

const DISABLED = 'account_disabled_in_directory';
const SPLIT = 'names_split_from_display_name';
const OTHER_COLUMN = 'email_from_other_column';
const LOST = 'name_characters_lost';

interface ExpectedRow {
  line: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  /** Error codes; none means the row is valid. */
  errors?: string[];
  notices?: string[];
  accountName?: string;
}

describe('directory exports as admins download them', () => {
  const stack = new TestStack('directory_exports', rosterApps);
  let admin: SignedInAdmin;
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  const upload = (content: Buffer, name: string) => stack.http().post('/api/v1/member-batches').set(auth()).attach('file', content, name);

  const settled = (batchId: string, status = 'ready') => batchSettled(stack, auth(), batchId, status);

  async function rowsOf(batchId: string) {
    const invalid = (await stack.http().get(`/api/v1/member-batches/${batchId}/rows?status=invalid&limit=500`).set(auth()).expect(200)).body.items;
    const valid = (await stack.http().get(`/api/v1/member-batches/${batchId}/rows?status=valid&limit=500`).set(auth()).expect(200)).body.items;
    return [...invalid, ...valid].sort((a: { line: number }, b: { line: number }) => a.line - b.line);
  }

  /** Uploads a file through the gateway, waits for the workers, and checks each row and the batch's email column. */
  async function importedAsExpected(content: Buffer, name: string, emailColumn: string | null, expected: ExpectedRow[]) {
    const accepted = await upload(content, name).expect(202);
    const ready = await settled(accepted.body.id);
    expect(ready).toMatchObject({ fileName: name, emailColumn, counts: { total: expected.length, invalid: expected.filter((row) => row.errors).length } });
    const rows = await rowsOf(accepted.body.id);
    expect(rows.map((row: { line: number }) => row.line)).toEqual(expected.map((row) => row.line));
    for (const [index, { errors, notices, accountName, ...want }] of expected.entries()) {
      const row = rows[index];
      expect({ line: row.line, email: row.email, firstName: row.firstName, lastName: row.lastName }).toEqual(want);
      expect({ line: row.line, status: row.status, errors: row.errors.map((problem: { code: string }) => problem.code) }).toEqual({
        line: row.line,
        status: errors ? 'invalid' : 'valid',
        errors: errors ?? [],
      });
      expect({ line: row.line, notices: row.notices.map((notice: { code: string }) => notice.code) }).toEqual({ line: row.line, notices: notices ?? [] });
      if (accountName) expect(row.accountName).toBe(accountName);
      for (const problem of [...row.errors, ...row.notices]) expect(problem.message.length).toBeGreaterThan(20);
    }
    return { batch: ready, rows };
  }

  const storedUploads = () => stack.db().collection('uploads.files').countDocuments();

  beforeAll(async () => {
    await stack.start();
    admin = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
  });

  afterAll(() => stack.stop());

  describe('the user exports of the big directories, unchanged', () => {
    it('Microsoft 365 admin center "Export users": the primary SMTP proxy address, the sign-in name where there is none, "Block credential"', async () => {
      const { batch } = await importedAsExpected(fixture('microsoft-365-admin-center.csv'), 'Users_2026-01-05.csv', 'Proxy addresses', [
        { line: 2, email: 'Adele.Vance@contoso.com', firstName: 'Adèle', lastName: 'Vance' },
        { line: 3, email: 'AlexW@contoso.com', firstName: 'Alex', lastName: 'Wilber' },
        { line: 4, email: 'DiegoS@contoso.com', firstName: 'Diego', lastName: 'Siciliani', errors: [DISABLED] },
        { line: 5, email: 'MeganB@contoso.com', firstName: 'Megan', lastName: 'Bowen', notices: [SPLIT] },
        { line: 6, email: 'PattiF@contoso.com', firstName: 'Patti', lastName: 'Fernandez', notices: [OTHER_COLUMN] },
      ]);
      expect(batch.ignoredColumns).toEqual(expect.arrayContaining(['Licenses', 'Object Id', 'When created']));
      expect(batch.ignoredColumns).not.toEqual(expect.arrayContaining(['Proxy addresses']));
    });

    it('Entra ID "Download users": mail before userPrincipalName, accountEnabled, a guest, names from displayName', async () => {
      await importedAsExpected(fixture('entra-id-download-users.csv'), 'exportUsers_2026-1-5.csv', 'mail', [
        { line: 2, email: 'LeeG@contoso.com', firstName: 'Lee', lastName: 'Gu' },
        { line: 3, email: 'IsaiahL@contoso.onmicrosoft.com', firstName: 'Isaiah', lastName: 'Langer', notices: [OTHER_COLUMN] },
        { line: 4, email: 'JohannaL@contoso.com', firstName: 'Johanna', lastName: 'Lorenz', errors: [DISABLED] },
        { line: 5, email: 'miriam.graham@fabrikam.com', firstName: 'Miriam', lastName: 'Graham', notices: [SPLIT] },
        { line: 6, email: 'NestorW@contoso.com', firstName: 'Nestor', lastName: 'Wilke', notices: [SPLIT] },
      ]);
    });

    it('Google Workspace user download: "Email Address [Required]", never the manager’s or recovery address, suspended users', async () => {
      await importedAsExpected(fixture('google-workspace-users.csv'), 'User_Download_05012026.csv', 'Email Address [Required]', [
        { line: 2, email: 'zoe.lefevre@contoso.fr', firstName: 'Zoë', lastName: 'Lefèvre' },
        { line: 3, email: 'benoit.walter@contoso.fr', firstName: 'Benoît', lastName: 'Walter', errors: [DISABLED] },
        { line: 4, email: 'helene.dupont@contoso.fr', firstName: 'Hélène', lastName: 'Dupont' },
        { line: 5, email: 'jerome.blanc@contoso.fr', firstName: 'Jérôme', lastName: 'Blanc' },
      ]);
    });

    it('Okta people: the primary email over the username, DEPROVISIONED and SUSPENDED users, a username that is no address asks for an account name', async () => {
      await importedAsExpected(fixture('okta-people.csv'), 'okta-people.csv', 'Primary email', [
        { line: 2, email: 'grady.archie@contoso.com', firstName: 'Grady', lastName: 'Archie' },
        { line: 3, email: 'lidia.holloway@contoso.com', firstName: 'Lidia', lastName: 'Holloway', accountName: 'lidia.holloway' },
        { line: 4, email: 'lynne.robbins@contoso.com', firstName: 'Lynne', lastName: 'Robbins', errors: [DISABLED] },
        { line: 5, email: 'pradeep.gupta@contoso.com', firstName: 'Pradeep', lastName: 'Gupta', errors: [DISABLED] },
        { line: 6, email: 'h.mueller@contoso.com', firstName: 'Henrietta', lastName: 'Mueller' },
      ]);
    });

    it('JumpCloud users: SUSPENDED users; staged and locked accounts are live', async () => {
      await importedAsExpected(fixture('jumpcloud-users.csv'), 'jumpcloud-users.csv', 'Company Email', [
        { line: 2, email: 'christie.cline@contoso.com', firstName: 'Christie', lastName: 'Cline', accountName: 'christie.cline' },
        { line: 3, email: 'enrico.cattaneo@contoso.com', firstName: 'Enrico', lastName: 'Cattaneo', errors: [DISABLED] },
        { line: 4, email: 'joni.sherman@contoso.com', firstName: 'Joni', lastName: 'Sherman', accountName: 'joni.sherman' },
        { line: 5, email: 'irvin.sayers@contoso.com', firstName: 'Irvin', lastName: 'Sayers', accountName: 'irvin.sayers' },
      ]);
    });

    it('Active Directory csvde (Windows-1252): userAccountControl, the primary proxy address where mail is empty, the built-in Guest', async () => {
      await importedAsExpected(fixture('active-directory-csvde.csv'), 'users.csv', 'mail', [
        { line: 2, email: 'adele.vance@contoso.com', firstName: 'Adèle', lastName: 'Vance', accountName: 'avance' },
        { line: 3, email: 'gael.legoff@contoso.com', firstName: 'Gaël', lastName: 'Le Goff', notices: [OTHER_COLUMN], accountName: 'glegoff' },
        { line: 4, email: 'johanna.lorenz@contoso.com', firstName: 'Johanna', lastName: 'Lorenz', errors: [DISABLED] },
        { line: 5, email: '', firstName: null, lastName: null, errors: ['invalid_email', DISABLED] },
      ]);
    });

    it('Get-ADUser | Export-Csv in Windows PowerShell 5.1 (ASCII): past the #TYPE line, names that lost their accents are left out with a notice', async () => {
      await importedAsExpected(fixture('active-directory-get-aduser.csv'), 'users.csv', 'mail', [
        { line: 3, email: 'adele.vance@contoso.com', firstName: null, lastName: 'Vance', notices: [LOST], accountName: 'avance' },
        { line: 4, email: 'gael.legoff@contoso.com', firstName: null, lastName: 'Le Goff', notices: [LOST], accountName: 'glegoff' },
        { line: 5, email: 'johanna.lorenz@contoso.com', firstName: 'Johanna', lastName: 'Lorenz', errors: [DISABLED] },
        { line: 6, email: 'alex.wilber@contoso.com', firstName: 'Alex', lastName: 'Wilber', accountName: 'awilber' },
      ]);
    });
  });

  describe('Excel workbooks', () => {
    it('reads the first worksheet, row numbers as Excel shows them, booleans and blank rows', async () => {
      const { batch } = await importedAsExpected(await directoryWorkbook(), 'users.xlsx', 'Email', [
        { line: 2, email: 'adele.vance@contoso.com', firstName: 'Adèle', lastName: 'Vance' },
        { line: 3, email: 'alex.wilber@contoso.com', firstName: 'Alex', lastName: 'Wilber' },
        { line: 5, email: 'diego.siciliani@contoso.com', firstName: 'Diego', lastName: 'Siciliani', errors: [DISABLED] },
        { line: 6, email: 'grady.archie@contoso.com', firstName: 'Grady', lastName: 'Archie' },
      ]);
      expect(batch.ignoredColumns).toEqual(['Department']);
      const report = await stack.http().get(`/api/v1/member-batches/${batch.id}/errors.csv`).set(auth()).expect(200);
      expect(report.text.split('\r\n')[1]).toBe(
        'diego.siciliani@contoso.com,Diego,Siciliani,Finance,FALSE,5,account_disabled_in_directory,"The directory marks this account as disabled (""Account enabled"" is ""FALSE""), so it is not added unless you add it anyway."',
      );
    });

    it('finds the email column on the second worksheet, below a title', async () => {
      await importedAsExpected(await secondSheetWorkbook(), 'directory.xlsx', 'Mail', [
        { line: 4, email: 'lee.gu@contoso.com', firstName: 'Lee', lastName: 'Gu', notices: [SPLIT] },
        { line: 5, email: 'adele.vance@contoso.com', firstName: 'Adèle', lastName: 'Vance', errors: [DISABLED], notices: [SPLIT] },
      ]);
    });

    it('takes the values formulas had when saved', async () => {
      await importedAsExpected(await formulaWorkbook(), 'formulas.xlsx', 'Email', [
        { line: 2, email: 'megan.bowen@contoso.com', firstName: 'Megan', lastName: 'Bowen' },
        { line: 3, email: 'nestor.wilke@contoso.com', firstName: 'Nestor', lastName: 'Wilke' },
        { line: 4, email: '', firstName: 'Irvin', lastName: 'Sayers', errors: ['invalid_email'] },
      ]);
    });

    it.each<[string, string, string, () => Promise<Buffer> | Buffer]>([
      ['a macro-enabled workbook', 'users.xlsm', 'workbook_has_macros', macroWorkbook],
      ['a damaged workbook', 'users.xlsx', 'unreadable_file', truncatedWorkbook],
      ['a zip bomb', 'users.xlsx', 'workbook_too_large', () => zipBombWorkbook()],
      ['a workbook encrypted with a password', 'users.xlsx', 'encrypted_workbook', encryptedWorkbook],
      ['an Excel 97-2003 workbook', 'users.xls', 'legacy_excel_workbook', legacyWorkbook],
    ])('refuses %s (%s) with 422 %s and keeps nothing', async (_, name, code, build) => {
      const before = await storedUploads();
      const response = await upload(await build(), name).expect(422);
      expect(response.body).toMatchObject({ statusCode: 422, code });
      expect(response.body.message.length).toBeGreaterThan(40);
      expect(await storedUploads()).toBe(before);
    });

    it('serves a workbook template that imports as it is', async () => {
      const template = await stack.http().get('/api/v1/member-batches/template.xlsx').set(auth()).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(template.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(template.headers['content-disposition']).toContain('members-template.xlsx');
      await importedAsExpected(template.body as Buffer, 'members-template.xlsx', 'Email', [
        { line: 2, email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', accountName: 'jane_doe' },
        { line: 3, email: 'francois.lefevre@example.com', firstName: 'François', lastName: 'Lefèvre' },
      ]);
    });
  });

  // Last: it creates members whose addresses the files above use.
  it('adds a disabled account when the admin says so, and creates it with the others', async () => {
    // Not the same bytes as before, or the upload would answer the batch of that file, still under review.
    const accepted = await upload(Buffer.concat([fixture('okta-people.csv'), Buffer.from('\r\n')]), 'okta-again.csv').expect(202);
    const ready = await settled(accepted.body.id);
    expect(ready.counts).toMatchObject({ valid: 3, invalid: 2 });
    const rows = await rowsOf(accepted.body.id);
    const lynne = rows.find((row: { line: number }) => row.line === 4);

    const added = await stack.http().patch(`/api/v1/member-batches/${accepted.body.id}/rows/${lynne.id}`).set(auth()).send({ addAnyway: true }).expect(200);
    expect(added.body).toMatchObject({ status: 'valid', errors: [], notices: [expect.objectContaining({ code: 'added_anyway' })], accountName: expect.stringMatching(/lynne|robbins/) });
    expect((await stack.http().get(`/api/v1/member-batches/${accepted.body.id}`).set(auth()).expect(200)).body.counts).toMatchObject({ valid: 4, invalid: 1 });
    const refused = await stack.http().patch(`/api/v1/member-batches/${accepted.body.id}/rows/${lynne.id}`).set(auth()).send({ addAnyway: false }).expect(422);
    expect(refused.body.code).toBe('validation_failed');

    await stack.http().post(`/api/v1/member-batches/${accepted.body.id}/commit`).set(auth()).expect(202);
    const done = await settled(accepted.body.id, 'completed');
    expect(done.counts).toMatchObject({ created: 4, invalid: 1 });
    const created = (await stack.http().get(`/api/v1/member-batches/${accepted.body.id}/rows?status=created`).set(auth()).expect(200)).body.items;
    expect(created.map((row: { email: string }) => row.email)).toContain('lynne.robbins@contoso.com');
    expect(created.map((row: { email: string }) => row.email)).not.toContain('pradeep.gupta@contoso.com');
  });
});
