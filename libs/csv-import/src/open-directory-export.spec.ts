import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import {
  compoundFile,
  directoryWorkbook,
  encryptedWorkbook,
  formulaWorkbook,
  legacyWorkbook,
  macroWorkbook,
  malformedXmlWorkbook,
  secondSheetWorkbook,
  truncatedWorkbook,
  understatedWorkbook,
  zipBombWorkbook,
} from './xlsx/workbook-fixtures';
import { CsvImportError } from './csv-import.error';
import type { DirectoryExport } from './directory-export';
import type { DirectoryRow } from './directory-row';
import { openDirectoryExport } from './open-directory-export';
import { writeWorkbook } from './xlsx/workbook-writer';

async function rowsOf(file: DirectoryExport): Promise<DirectoryRow[]> {
  const rows: DirectoryRow[] = [];
  for await (const row of file.rows()) rows.push(row);
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

describe('openDirectoryExport', () => {
  let directory: string;
  const saved = async (name: string, content: Buffer | string) => {
    const path = join(directory, name);
    await writeFile(path, content);
    return path;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'open-directory-export-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads CSV text as before', async () => {
    const file = await openDirectoryExport(await saved('members.csv', 'Email;Prénom\nhelene@example.fr;Hélène\n'));
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', emailColumn: 'Email' });
    expect(await rowsOf(file)).toEqual([{ line: 2, email: 'helene@example.fr', firstName: 'Hélène', cells: ['helene@example.fr', 'Hélène'] }]);
  });

  describe('an Excel workbook', () => {
    it('reads the first worksheet, rows numbered as Excel numbers them, whatever the file is called', async () => {
      const file = await openDirectoryExport(await saved('users.upload', await directoryWorkbook()));

      expect(file).toMatchObject({
        format: 'xlsx',
        sheetName: 'Users',
        delimiter: ',',
        hasHeader: true,
        headers: ['Email', 'First name', 'Last name', 'Department', 'Account enabled'],
        emailColumn: 'Email',
        ignoredColumns: ['Department'],
      });
      expect(await rowsOf(file)).toEqual([
        { line: 2, email: 'adele.vance@contoso.com', firstName: 'Adèle', lastName: 'Vance', cells: ['adele.vance@contoso.com', 'Adèle', 'Vance', 'Sales', 'TRUE'] },
        { line: 3, email: 'alex.wilber@contoso.com', firstName: 'Alex', lastName: 'Wilber', cells: ['alex.wilber@contoso.com', 'Alex', 'Wilber', '', 'TRUE'] },
        {
          line: 5,
          email: 'diego.siciliani@contoso.com',
          firstName: 'Diego',
          lastName: 'Siciliani',
          disabledInDirectory: { column: 'Account enabled', value: 'FALSE' },
          cells: ['diego.siciliani@contoso.com', 'Diego', 'Siciliani', 'Finance', 'FALSE'],
        },
        { line: 6, email: 'grady.archie@contoso.com', firstName: 'Grady', lastName: 'Archie', cells: ['grady.archie@contoso.com', 'Grady', 'Archie', 'IT', 'TRUE'] },
      ]);
      // Each call reads the workbook again.
      expect((await rowsOf(file)).map((row) => row.line)).toEqual([2, 3, 5, 6]);
    });

    it('takes the worksheet that has an email column, below a title', async () => {
      const file = await openDirectoryExport(await saved('second-sheet.xlsx', await secondSheetWorkbook()));

      expect(file).toMatchObject({ sheetName: 'People', headers: ['Display name', 'Mail', 'Status'], emailColumn: 'Mail' });
      expect(await rowsOf(file)).toEqual([
        { line: 4, email: 'lee.gu@contoso.com', firstName: 'Lee', lastName: 'Gu', namesFromDisplayName: 'Lee Gu', cells: ['Lee Gu', 'lee.gu@contoso.com', 'Active'] },
        {
          line: 5,
          email: 'adele.vance@contoso.com',
          firstName: 'Adèle',
          lastName: 'Vance',
          namesFromDisplayName: 'Vance, Adèle',
          disabledInDirectory: { column: 'Status', value: 'Suspended' },
          cells: ['Vance, Adèle', 'adele.vance@contoso.com', 'Suspended'],
        },
      ]);
    });

    it('reads the values formulas had when saved, and never evaluates a formula', async () => {
      const file = await openDirectoryExport(await saved('formulas.xlsx', await formulaWorkbook()));

      expect((await rowsOf(file)).map(({ line, email, cells }) => [line, email, cells[3]])).toEqual([
        [2, 'megan.bowen@contoso.com', 'Megan Bowen'],
        [3, 'nestor.wilke@contoso.com', 'Nestor Wilke'],
        [4, '', '2'],
      ]);
    });

    it('prefers a visible worksheet to a hidden one, and reads inline strings', async () => {
      const workbook = await writeWorkbook([
        { name: 'Old', hidden: true, rows: [['Email'], ['old@contoso.com']] },
        { name: 'Current', rows: [['Email'], ['new@contoso.com']] },
      ]);
      const file = await openDirectoryExport(await saved('hidden.xlsx', workbook));
      expect(file.sheetName).toBe('Current');
      expect((await rowsOf(file)).map((row) => row.email)).toEqual(['new@contoso.com']);
    });

    it.each<[string, string, RegExp, () => Promise<Buffer> | Buffer]>([
      ['a macro-enabled workbook (.xlsm)', 'workbook_has_macros', /contains macros/, macroWorkbook],
      ['a workbook cut short', 'unreadable_file', /damaged or incomplete/, truncatedWorkbook],
      ['a worksheet that is not XML', 'unreadable_file', /damaged or incomplete/, malformedXmlWorkbook],
      ['a part declaring more than 1 GiB unpacked', 'workbook_too_large', /more than 1 GB/, () => understatedWorkbook(0xfffffff0)],
      ['a zip bomb of 1.1 GiB of spaces', 'workbook_too_large', /more than 1 GB/, () => zipBombWorkbook()],
      ['an encrypted workbook', 'encrypted_workbook', /protected by a password/, encryptedWorkbook],
      ['an Excel 97-2003 workbook', 'legacy_excel_workbook', /Excel 97-2003/, legacyWorkbook],
      ['another old Office file', 'legacy_excel_workbook', /old Office file/, () => compoundFile(['WordDocument'])],
      ['a workbook without any email column', 'missing_email_column', /"Rooms"/, () => writeWorkbook([{ name: 'Rooms', rows: [['Room', 'Floor'], ['Lovelace', 2]] }])],
      ['a workbook of empty worksheets', 'empty_file', /no members/, () => writeWorkbook([{ name: 'Sheet1', rows: [] }])],
      ['a worksheet with a header and no members', 'empty_file', /header row but no members/, () => writeWorkbook([{ name: 'Sheet1', rows: [['Email', 'Name']] }])],
    ])('refuses %s with %s', async (_, code, message, build) => {
      const error = await failureOf(openDirectoryExport(await saved('refused.xlsx', await build())));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });

    it('stops reading a part that unpacks beyond the size it declares', async () => {
      const path = await saved('understated.xlsx', await understatedWorkbook(4_096));
      expect(await failureOf(openDirectoryExport(path).then(rowsOf))).toMatchObject({ code: 'workbook_too_large' });
    });

    it('refuses a ZIP archive that is no workbook, an OpenDocument spreadsheet and a binary workbook', async () => {
      const zipOf = async (parts: Record<string, string>) => {
        const zip = new yazl.ZipFile();
        for (const [name, content] of Object.entries(parts)) zip.addBuffer(Buffer.from(content), name);
        zip.end();
        const chunks: Buffer[] = [];
        for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      };
      const plainZip = await zipOf({ 'members.csv': 'Email\nadele@contoso.com\n' });
      const ods = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
      const xlsb = await zipOf({
        '[Content_Types].xml': '<Types/>',
        '_rels/.rels':
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      });

      expect(await failureOf(openDirectoryExport(await saved('plain.zip', plainZip)))).toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/ZIP archive but not an Excel workbook/) });
      expect(await failureOf(openDirectoryExport(await saved('sheet.ods', ods)))).toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/OpenDocument/) });
      expect(await failureOf(openDirectoryExport(await saved('sheet.xlsb', xlsb)))).toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/\.xlsb/) });
    });

    it('streams a large worksheet with exact row numbers', async () => {
      const rows = [['Email', 'First name'], ...Array.from({ length: 20_000 }, (_, index) => [`person.${index}@contoso.com`, `Person ${index}`])];
      const file = await openDirectoryExport(await saved('large.xlsx', await writeWorkbook([{ name: 'Users', rows }])));
      let count = 0;
      let last: DirectoryRow | undefined;
      for await (const row of file.rows()) {
        count += 1;
        last = row;
      }
      expect(count).toBe(20_000);
      expect(last).toMatchObject({ line: 20_001, email: 'person.19999@contoso.com', firstName: 'Person 19999' });
    });
  });
});
