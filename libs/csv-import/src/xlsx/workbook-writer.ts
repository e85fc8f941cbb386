import type { Readable } from 'node:stream';
import yazl from 'yazl';

/** A cell: text, a number, a boolean, a formula with the value Excel would have saved, or nothing. */
export type WorkbookCell = string | number | boolean | { readonly formula: string; readonly cached?: string | number } | null;

export interface WorksheetSpec {
  readonly name: string;
  /** Rows from row 1; an empty row is left out of the sheet, as Excel leaves out a blank row. */
  readonly rows: readonly (readonly WorkbookCell[])[];
  readonly hidden?: boolean;
}

export interface WorkbookOptions {
  /** The workbook part's content type; a macro-enabled one makes an .xlsm. */
  readonly workbookContentType?: string;
  /** More parts, e.g. `xl/vbaProject.bin`; `compressionLevel` as zlib's (1 is fastest). */
  readonly extraParts?: readonly { readonly name: string; readonly content: Buffer | Readable; readonly compressionLevel?: number }[];
}

const MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * An Excel workbook (.xlsx) holding these worksheets, text as shared strings the way Excel writes
 * them: the download template, and workbooks for tests.
 */
export function writeWorkbook(sheets: readonly WorksheetSpec[], options: WorkbookOptions = {}): Promise<Buffer> {
  const strings = new SharedStringTable();
  const sheetParts = sheets.map((sheet) => worksheetXml(sheet, strings));
  const zip = new yazl.ZipFile();
  const add = (name: string, xml: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), name);
  add('[Content_Types].xml', contentTypes(sheets.length, options.workbookContentType ?? MAIN));
  add('_rels/.rels', relationships([{ type: 'officeDocument', target: 'xl/workbook.xml' }]));
  add('xl/workbook.xml', workbookXml(sheets));
  add(
    'xl/_rels/workbook.xml.rels',
    relationships([
      ...sheets.map((_, index) => ({ type: 'worksheet', target: `worksheets/sheet${index + 1}.xml` })),
      { type: 'sharedStrings', target: 'sharedStrings.xml' },
      { type: 'styles', target: 'styles.xml' },
    ]),
  );
  sheetParts.forEach((xml, index) => add(`xl/worksheets/sheet${index + 1}.xml`, xml));
  add('xl/sharedStrings.xml', strings.xml());
  add('xl/styles.xml', STYLES);
  for (const part of options.extraParts ?? []) {
    const options = part.compressionLevel === undefined ? {} : { compressionLevel: part.compressionLevel };
    if (Buffer.isBuffer(part.content)) zip.addBuffer(part.content, part.name, options);
    else zip.addReadStream(part.content, part.name, options);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

class SharedStringTable {
  private readonly indexOf = new Map<string, number>();
  private readonly values: string[] = [];
  private uses = 0;

  index(value: string): number {
    this.uses += 1;
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.indexOf.set(value, index);
    }
    return index;
  }

  xml(): string {
    const items = this.values.map((value) => `<si><t xml:space="preserve">${escapeXml(value)}</t></si>`).join('');
    return `${XML_DECLARATION}<sst xmlns="${SPREADSHEET}" count="${this.uses}" uniqueCount="${this.values.length}">${items}</sst>`;
  }
}

function worksheetXml(sheet: WorksheetSpec, strings: SharedStringTable): string {
  const rows = sheet.rows
    .map((cells, index) => {
      const line = index + 1;
      const xml = cells.map((cell, column) => cellXml(cell, `${columnName(column)}${line}`, strings)).join('');
      return cells.length === 0 ? '' : `<row r="${line}">${xml}</row>`;
    })
    .join('');
  return `${XML_DECLARATION}<worksheet xmlns="${SPREADSHEET}" xmlns:r="${RELATIONSHIPS}"><sheetData>${rows}</sheetData></worksheet>`;
}

function cellXml(cell: WorkbookCell, reference: string, strings: SharedStringTable): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return `<c r="${reference}" t="s"><v>${strings.index(cell)}</v></c>`;
  if (typeof cell === 'number') return `<c r="${reference}"><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  const type = typeof cell.cached === 'string' ? ' t="str"' : '';
  const cached = cell.cached === undefined ? '' : `<v>${escapeXml(String(cell.cached))}</v>`;
  return `<c r="${reference}"${type}><f>${escapeXml(cell.formula)}</f>${cached}</c>`;
}

function workbookXml(sheets: readonly WorksheetSpec[]): string {
  const entries = sheets
    .map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`)
    .join('');
  return `${XML_DECLARATION}<workbook xmlns="${SPREADSHEET}" xmlns:r="${RELATIONSHIPS}"><sheets>${entries}</sheets></workbook>`;
}

function contentTypes(sheetCount: number, workbookContentType: string): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${workbookContentType}"/>${sheets}` +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
}

function relationships(targets: readonly { type: string; target: string }[]): string {
  const entries = targets
    .map(({ type, target }, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`)
    .join('');
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries}</Relationships>`;
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
function columnName(column: number): string {
  let name = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${SPREADSHEET}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
