import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvImportError } from './csv-import.error';
import { openDirectoryCsv } from './directory-csv-reader';
import type { DirectoryExport } from './directory-export';
import type { DirectoryRow } from './directory-row';

const fixture = (name: string) => join(__dirname, '../test/fixtures/csv', name);

async function rowsOf(csv: DirectoryExport): Promise<DirectoryRow[]> {
  const rows: DirectoryRow[] = [];
  for await (const row of csv.rows()) rows.push(row);
  return rows;
}

async function failureOf(reading: Promise<unknown>): Promise<CsvImportError> {
  const failure = await reading.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof CsvImportError)) throw new Error(`expected a CsvImportError, got ${String(failure)}`);
  return failure;
}

describe('openDirectoryCsv', () => {
  it('reads a UTF-8 file with BOM and semicolons', async () => {
    const csv = await openDirectoryCsv(fixture('utf8-bom-semicolon.csv'));

    expect(csv).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      lineEnding: '\r\n',
      hasHeader: true,
      headers: ['Email', "Nom d'utilisateur", 'Prénom', 'Nom'],
      columns: { email: 0, userName: 1, firstName: 2, lastName: 3 },
      ignoredColumns: [],
    });
    expect(await rowsOf(csv)).toEqual([
      {
        line: 2,
        email: 'helene.dupont@example.fr',
        userName: 'helene_dupont',
        firstName: 'Hélène',
        lastName: 'Dupont',
        cells: ['helene.dupont@example.fr', 'helene_dupont', 'Hélène', 'Dupont'],
      },
      {
        line: 3,
        email: 'francoise.martin@example.fr',
        userName: 'francoise_martin',
        firstName: 'Françoise',
        lastName: 'Martin',
        cells: ['francoise.martin@example.fr', 'francoise_martin', 'Françoise', 'Martin'],
      },
      {
        line: 4,
        email: 'gael.le-goff@example.fr',
        userName: 'gael_le_goff',
        firstName: 'Gaël',
        lastName: 'Le Goff',
        cells: ['gael.le-goff@example.fr', 'gael_le_goff', 'Gaël', 'Le Goff'],
      },
    ]);
  });

  it('reads a UTF-8 file without BOM, with commas and LF', async () => {
    const csv = await openDirectoryCsv(fixture('utf8-comma.csv'));

    expect(csv).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      lineEnding: '\n',
      headers: ['email', 'username', 'first name', 'last name'],
      columns: { email: 0, userName: 1, firstName: 2, lastName: 3 },
    });
    expect((await rowsOf(csv)).map(({ line, firstName, lastName }) => [line, firstName, lastName])).toEqual([
      [2, 'Zoë', 'Pérez'],
      [3, 'José', 'Núñez'],
    ]);
  });

  it('reads a Windows-1252 French Excel export', async () => {
    const csv = await openDirectoryCsv(fixture('windows-1252-french-excel.csv'));

    expect(csv).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      lineEnding: '\r\n',
      headers: ['Adresse e-mail', "Nom d'utilisateur", 'Prénom', 'Nom'],
      columns: { email: 0, userName: 1, firstName: 2, lastName: 3 },
      ignoredColumns: [],
    });
    expect((await rowsOf(csv)).map((row) => [row.line, row.email, row.userName, row.firstName, row.lastName])).toEqual([
      [2, 'helene.dupont@example.fr', 'helene_dupont', 'Hélène', 'Dupont'],
      [3, 'francoise.ndiaye@example.fr', 'francoise_ndiaye', 'Françoise', 'N’Diaye'],
      [4, 'gael.lefevre@example.fr', 'gael_lefevre', 'Gaël', 'Lefèvre'],
    ]);
  });

  it('reads a UTF-16 LE file with BOM and tabs (Excel "Unicode Text")', async () => {
    const csv = await openDirectoryCsv(fixture('utf16le-bom-tab.csv'));

    expect(csv).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      lineEnding: '\r\n',
      headers: ['E-mail address', 'User name', 'First name', 'Last name'],
      columns: { email: 0, userName: 1, firstName: 2, lastName: 3 },
    });
    expect((await rowsOf(csv)).map(({ line, email, firstName }) => [line, email, firstName])).toEqual([
      [2, 'lukasz.nowak@example.com', 'Łukasz'],
      [3, 'soren.kierkegaard@example.com', 'Søren'],
    ]);
  });

  it('reads a UTF-16 BE file with BOM', async () => {
    const csv = await openDirectoryCsv(fixture('utf16be-bom.csv'));

    expect(csv).toMatchObject({
      encoding: 'utf-16be',
      delimiter: ';',
      lineEnding: '\n',
      headers: ['Courriel', 'Identifiant', 'Prénom'],
      columns: { email: 0, userName: 1, firstName: 2 },
    });
    expect(await rowsOf(csv)).toEqual([
      {
        line: 2,
        email: 'noemie.roux@example.fr',
        userName: 'noemie_roux',
        firstName: 'Noémie',
        cells: ['noemie.roux@example.fr', 'noemie_roux', 'Noémie'],
      },
      {
        line: 3,
        email: 'jerome.blanc@example.fr',
        userName: 'jerome_blanc',
        firstName: 'Jérôme',
        cells: ['jerome.blanc@example.fr', 'jerome_blanc', 'Jérôme'],
      },
    ]);
  });

  it('reads quoted values with delimiters, quotes and line breaks, numbering rows by the line they start on', async () => {
    const csv = await openDirectoryCsv(fixture('quoted-fields.csv'));

    expect(csv).toMatchObject({
      delimiter: ',',
      lineEnding: '\r\n',
      headers: ['Email', 'Username', 'Last name', 'Notes'],
      columns: { email: 0, userName: 1, lastName: 2 },
      ignoredColumns: ['Notes'],
    });
    expect((await rowsOf(csv)).map(({ line, email, lastName, cells }) => [line, email, lastName, cells[3]])).toEqual([
      [2, 'dupont@example.com', 'Dupont, Jr.', 'Says "hello"'],
      [3, 'martin@example.com', 'O"Brien', 'first line\nsecond line'],
      [5, 'bernard@example.com', 'Bernard', 'line one\r\nline two\r\nline three'],
      [8, 'petit@example.com', 'Petit', 'plain'],
    ]);
  });

  it('skips blank lines and lines of delimiters only, keeping physical line numbers', async () => {
    const csv = await openDirectoryCsv(fixture('blank-lines-crlf.csv'));

    expect(csv).toMatchObject({ delimiter: ';', lineEnding: '\r\n', hasHeader: true, headers: ['Email', 'Username'] });
    expect((await rowsOf(csv)).map(({ line, email, userName }) => [line, email, userName])).toEqual([
      [4, 'alice@example.com', 'alice'],
      [7, 'bob@example.com', 'bob'],
      [10, 'carol@example.com', 'carol'],
    ]);
  });

  it('reads a file without header row: email first, user name second', async () => {
    const csv = await openDirectoryCsv(fixture('no-header.csv'));

    expect(csv).toMatchObject({
      delimiter: ';',
      hasHeader: false,
      headers: [],
      columns: { email: 0, userName: 1 },
      ignoredColumns: [],
    });
    expect(await rowsOf(csv)).toEqual([
      { line: 1, email: 'alice@example.com', userName: 'alice_martin', cells: ['alice@example.com', 'alice_martin'] },
      { line: 2, email: 'bob@example.com', userName: 'bob_durand', cells: ['bob@example.com', 'bob_durand'] },
      { line: 3, email: 'carol@example.com', cells: ['carol@example.com'] },
    ]);
  });

  it('finds English headers in any order and reports unknown columns', async () => {
    const csv = await openDirectoryCsv(fixture('english-extra-columns.csv'));

    expect(csv).toMatchObject({
      delimiter: ',',
      headers: ['First name', 'Last name', 'Department', 'Email address', 'Phone', 'Username'],
      columns: { email: 3, userName: 5, firstName: 0, lastName: 1 },
      ignoredColumns: ['Department', 'Phone'],
    });
    expect((await rowsOf(csv)).map((row) => [row.line, row.email, row.userName, row.firstName, row.lastName])).toEqual([
      [2, 'ada.lovelace@example.com', 'ada_lovelace', 'Ada', 'Lovelace'],
      [3, 'grace.hopper@example.com', 'grace_hopper', 'Grace', 'Hopper'],
    ]);
  });

  it('reads the file again on each call to rows()', async () => {
    const csv = await openDirectoryCsv(fixture('no-header.csv'));

    expect((await rowsOf(csv)).map(({ line }) => line)).toEqual([1, 2, 3]);
    expect((await rowsOf(csv)).map(({ line }) => line)).toEqual([1, 2, 3]);
  });

  const exportAsCsv =
    'Export the member list from your directory or spreadsheet as CSV (UTF-8 if offered) or as an Excel workbook (.xlsx) and upload that file.';
  const noMembers =
    'The file contains no members: it is empty or holds only blank lines. ' +
    'Expected one member per line, each starting with an email address, optionally below a header row.';

  it.each<[string, string, string]>([
    ['not-csv.png', 'unreadable_file', `This file is a PNG image, not a CSV file. ${exportAsCsv}`],
    ['not-csv.zip', 'unreadable_file', `This file is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file. ${exportAsCsv}`],
    ['empty.csv', 'empty_file', noMembers],
    ['whitespace-only.csv', 'empty_file', noMembers],
    ['header-only.csv', 'empty_file', 'The file has a header row but no members below it. Add one member per line under the header row.'],
    [
      'no-email-column.csv',
      'missing_email_column',
      'No column of the header row holds email addresses. Name that column with one of: "Email", "E-mail", "Email address", ' +
        '"E-mail address", "Mail", "Adresse e-mail", "Adresse électronique", "Adresse mail", "Adresse de messagerie", ' +
        '"Courriel", "Work email", "Company email", "Primary email", "Primary SMTP address", "PrimarySmtpAddress", "WindowsEmailAddress".',
    ],
  ])('refuses %s with %s', async (name, code, message) => {
    const error = await failureOf(openDirectoryCsv(fixture(name)));

    expect(error).toMatchObject({ code, message });
  });

  describe('with files written by the spec', () => {
    let directory: string;
    const write = async (name: string, content: string) => {
      const path = join(directory, name);
      await writeFile(path, content, 'utf8');
      return path;
    };

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'directory-csv-reader-'));
    });
    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('keeps UTF-8 when the sample stops inside a multibyte character', async () => {
      const content = 'Email;Prénom\nhelene@example.fr;Hélène\ngael@example.fr;Gaël\n';
      const cutInsideE = Buffer.from(content, 'utf8').indexOf(Buffer.from('ë', 'utf8')) + 1;
      const csv = await openDirectoryCsv(await write('cut-sample.csv', content), { sampleBytes: cutInsideE });

      expect(csv.encoding).toBe('utf-8');
      expect((await rowsOf(csv)).map(({ line, firstName }) => [line, firstName])).toEqual([
        [2, 'Hélène'],
        [3, 'Gaël'],
      ]);
    });

    it('refuses a file without header whose first column is not an email', async () => {
      const error = await failureOf(openDirectoryCsv(await write('name-first.csv', 'Ada;ada@example.com\nGrace;grace@example.com\n')));

      expect(error.code).toBe('missing_email_column');
      expect(error.message).toMatch(/^The first row is neither a header row naming the email column nor a member starting with/);
      expect(error.message).toMatch(/or, without a header row, put the email addresses in the first column\.$/);
    });

    it('finds a header without members beyond the sample once the rows are read', async () => {
      const csv = await openDirectoryCsv(await write('blank-tail.csv', `Email;Username\n${'\n'.repeat(100)}`), { sampleBytes: 20 });

      expect(csv.hasHeader).toBe(true);
      expect(await failureOf(rowsOf(csv))).toMatchObject({ code: 'empty_file' });
    });

    it('refuses a file whose quote is never closed', async () => {
      const path = await write('unclosed.csv', 'Email;Notes\na@example.com;ok\nb@example.com;"never closed\nc@example.com;x\n');

      expect(await failureOf(openDirectoryCsv(path))).toMatchObject({
        code: 'unreadable_file',
        message: expect.stringMatching(/^A double quote opened on line 3 or below is never closed/),
      });
    });

    it('leaves a quote the sample cannot see closed to the reading of the rows', async () => {
      const content = 'Email;Notes\na@example.com;ok\nb@example.com;"two\nlines"\nc@example.com;"never closed\nd@example.com;x\n';
      const csv = await openDirectoryCsv(await write('unclosed-after-sample.csv', content), { sampleBytes: content.indexOf('lines') });

      expect(csv.hasHeader).toBe(true);
      expect(await failureOf(rowsOf(csv))).toMatchObject({
        code: 'unreadable_file',
        message: expect.stringMatching(/^A double quote opened on line 5 or below is never closed/),
      });
    });

    it('skips a line of preamble before the header, numbering rows by their physical line', async () => {
      const path = await write(
        'powershell.csv',
        '#TYPE Microsoft.ActiveDirectory.Management.ADUser\r\n"Enabled","GivenName","mail","Name","sn"\r\n"True","Adele","adele@contoso.com","Adele Vance","Vance"\r\n',
      );
      const csv = await openDirectoryCsv(path);

      expect(csv).toMatchObject({ hasHeader: true, headers: ['Enabled', 'GivenName', 'mail', 'Name', 'sn'], emailColumn: 'mail', ignoredColumns: [] });
      expect(await rowsOf(csv)).toEqual([
        { line: 3, email: 'adele@contoso.com', firstName: 'Adele', lastName: 'Vance', cells: ['True', 'Adele', 'adele@contoso.com', 'Adele Vance', 'Vance'] },
      ]);
    });

    it('streams a file far larger than the sample and its read chunks with exact line numbers', async () => {
      const lines = ['Email;Notes'];
      for (let index = 0; index < 10_000; index++) {
        lines.push(index % 100 === 0 ? `m${index}@example.com;"two\r\nlines"` : `m${index}@example.com;n`);
      }
      const csv = await openDirectoryCsv(await write('large.csv', `${lines.join('\r\n')}\r\n`));

      let count = 0;
      let last: DirectoryRow | undefined;
      for await (const row of csv.rows()) {
        count++;
        last = row;
      }
      expect(count).toBe(10_000);
      // 10 000 rows after the header, 100 of them spanning two lines.
      expect(last).toMatchObject({ email: 'm9999@example.com', line: 1 + 10_000 + 100 });
    });
  });
});
