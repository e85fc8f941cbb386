import { constants, crc32, deflateRawSync } from 'node:zlib';
import { writeWorkbook, type WorksheetSpec } from './workbook-writer';

/**
 * Test fixtures, used by the specs beside this code and by test/directory-exports.e2e-spec.ts (never
 * by the services): the workbooks the tests upload, built from code rather than by hand, as Excel
 * saves them (shared strings, cached formula values), and the ones that must be refused (macros,
 * damaged, a zip bomb, encrypted, Excel 97-2003). Row numbers in comments are Excel's.
 */

/** One worksheet: header on row 1, a blank row 4, a cell missing, a disabled account (Excel boolean FALSE). */
export function directoryWorkbook(): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Users',
      rows: [
        ['Email', 'First name', 'Last name', 'Department', 'Account enabled'],
        ['adele.vance@contoso.com', 'Adèle', 'Vance', 'Sales', true],
        ['alex.wilber@contoso.com', 'Alex', 'Wilber', null, true],
        [],
        ['diego.siciliani@contoso.com', 'Diego', 'Siciliani', 'Finance', false],
        ['  grady.archie@contoso.com ', 'Grady', 'Archie', 'IT', true],
      ],
    },
  ]);
}

/** The members on the second worksheet, below a title and a blank row; the first worksheet is a summary. */
export function secondSheetWorkbook(): Promise<Buffer> {
  return writeWorkbook([
    { name: 'Summary', rows: [['Staff by department'], ['Department', 'Count'], ['Sales', 2], ['IT', 1]] },
    {
      name: 'People',
      rows: [
        ['Staff directory, exported 2026-01-05'],
        [],
        ['Display name', 'Mail', 'Status'],
        ['Lee Gu', 'lee.gu@contoso.com', 'Active'],
        ['Vance, Adèle', 'adele.vance@contoso.com', 'Suspended'],
      ],
    },
  ]);
}

/** Addresses and names computed by formulas: the values Excel saved are read, never the formulas. */
export function formulaWorkbook(): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Members',
      rows: [
        ['First name', 'Last name', 'Email', 'Display name'],
        ['Megan', 'Bowen', { formula: 'LOWER(A2&"."&B2&"@contoso.com")', cached: 'megan.bowen@contoso.com' }, { formula: 'A2&" "&B2', cached: 'Megan Bowen' }],
        ['Nestor', 'Wilke', { formula: 'LOWER(A3&"."&B3&"@contoso.com")', cached: 'nestor.wilke@contoso.com' }, { formula: 'A3&" "&B3', cached: 'Nestor Wilke' }],
        // Saved without computing: no value to take, and the formula is not evaluated.
        ['Irvin', 'Sayers', { formula: 'LOWER(A4&"."&B4&"@contoso.com")' }, { formula: '1+1', cached: 2 }],
      ],
    },
  ]);
}

/** An .xlsm: a macro-enabled workbook with its VBA project. */
export function macroWorkbook(): Promise<Buffer> {
  return writeWorkbook([{ name: 'Users', rows: [['Email'], ['adele.vance@contoso.com']] }], {
    workbookContentType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    extraParts: [{ name: 'xl/vbaProject.bin', content: compoundFile(['PROJECT', 'VBA', 'dir']) }],
  });
}

/** A workbook cut in the middle, as an interrupted download leaves it. */
export async function truncatedWorkbook(): Promise<Buffer> {
  const whole = await directoryWorkbook();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A well-formed workbook whose worksheet is not well-formed XML. */
export function malformedXmlWorkbook(): Promise<Buffer> {
  return writeWorkbook([{ name: 'Users', rows: [['Email'], ['adele.vance@contoso.com']] }], {
    extraParts: [{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></row></worksheet>') }],
  });
}

/**
 * A zip bomb: a worksheet of `bytes` spaces (1.1 GiB by default, past the 1 GiB bound), which
 * deflates to about a thousandth of that. Declared honestly, so it is refused before anything is
 * unpacked. The deflated data is one block of 1 MiB of spaces, flushed so that it stands alone,
 * repeated: building it costs milliseconds, not a pass of zlib over a gigabyte.
 */
export function zipBombWorkbook(bytes = 1.1 * 1024 ** 3): Buffer {
  const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
  const copies = Math.ceil(bytes / mebibyte.length);
  const block = deflatedAlone(mebibyte);
  let crc = 0;
  for (let copy = 0; copy < copies; copy++) crc = crc32(mebibyte, crc);
  // A final empty stored block ends the stream.
  const data = Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
  const contentTypes = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  return zipOf([
    { name: '[Content_Types].xml', method: 0, data: contentTypes, crc: crc32(contentTypes), size: contentTypes.length },
    { name: 'xl/worksheets/sheet1.xml', method: 8, data, crc, size: copies * mebibyte.length },
  ]);
}

/** Raw deflate of `bytes` ending on a full flush: a run of blocks that refers to nothing before it. */
function deflatedAlone(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_FULL_FLUSH });
}

interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** A ZIP archive of these entries, their sizes as given (no ZIP64: each under 4 GiB). */
function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A workbook whose worksheet declares, in the central directory, `declared` bytes unpacked while it
 * inflates to far more: the reader must stop at the declared size.
 */
export async function understatedWorkbook(declared: number): Promise<Buffer> {
  const rows: WorksheetSpec['rows'] = [['Email'], ...Array.from({ length: 2_000 }, (_, index) => [`person.${index}@contoso.com`])];
  const workbook = await writeWorkbook([{ name: 'Users', rows }]);
  return withDeclaredSize(workbook, 'xl/worksheets/sheet1.xml', declared);
}

/** An .xlsx encrypted with a password, as Excel saves it: an OLE compound file, not a ZIP package. */
export function encryptedWorkbook(): Buffer {
  return compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
}

/** An Excel 97-2003 workbook (.xls): an OLE compound file holding a `Workbook` stream. */
export function legacyWorkbook(): Buffer {
  return compoundFile(['Workbook', '\u0005SummaryInformation', '\u0005DocumentSummaryInformation']);
}

/** Rewrites the uncompressed size a part declares in the ZIP central directory. */
function withDeclaredSize(zip: Buffer, part: string, declared: number): Buffer {
  const patched = Buffer.from(zip);
  for (let offset = patched.indexOf(CENTRAL_HEADER); offset !== -1; offset = patched.indexOf(CENTRAL_HEADER, offset + 4)) {
    const nameLength = patched.readUInt16LE(offset + 28);
    if (patched.toString('utf8', offset + 46, offset + 46 + nameLength) === part) {
      patched.writeUInt32LE(declared, offset + 24);
      return patched;
    }
  }
  throw new Error(`no part ${part}`);
}

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/**
 * A minimal OLE compound file ([MS-CFB], version 3, 512-byte sectors) whose directory names these
 * streams; their contents are empty. Enough for anything that looks at the names, as the import does.
 */
export function compoundFile(streamNames: readonly string[]): Buffer {
  const END_OF_CHAIN = 0xfffffffe;
  const FREE = 0xffffffff;
  const entries = ['Root Entry', ...streamNames];
  const directorySectors = Math.ceil(entries.length / 4);
  const file = Buffer.alloc(512 * (2 + directorySectors), 0);

  const header = file.subarray(0, 512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let index = 0; index < 109; index++) header.writeUInt32LE(index === 0 ? 0 : FREE, 0x4c + index * 4);

  const fat = file.subarray(512, 1024);
  for (let index = 0; index < 128; index++) fat.writeUInt32LE(FREE, index * 4);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 holds the FAT
  for (let sector = 1; sector <= directorySectors; sector++) fat.writeUInt32LE(sector === directorySectors ? END_OF_CHAIN : sector + 1, sector * 4);

  entries.forEach((name, index) => {
    const entry = file.subarray(1024 + index * 128, 1024 + (index + 1) * 128);
    const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
    encoded.copy(entry, 0);
    entry.writeUInt16LE(encoded.length, 0x40);
    entry.writeUInt8(index === 0 ? 5 : 2, 0x42);
    entry.writeUInt32LE(FREE, 0x44);
    entry.writeUInt32LE(index === 0 || index === entries.length - 1 ? FREE : index + 1, 0x48);
    entry.writeUInt32LE(index === 0 && entries.length > 1 ? 1 : FREE, 0x4c);
    entry.writeUInt32LE(END_OF_CHAIN, 0x74);
  });
  return file;
}
