import { emptyFileError, headerOnlyError, missingEmailColumnError } from '../csv-import.error';
import type { DirectoryExport } from '../directory-export';
import { directoryRowOf, type DirectoryRow } from '../directory-row';
import { type ColumnLayout, readColumnLayout, type MemberColumns } from '../header-columns';
import { checkRecordLimits } from '../record-limits';
import { SharedStrings } from './shared-strings';
import { type SheetRecord, sheetRecords } from './sheet-records';
import { readWorkbookStructure, type WorksheetPart } from './workbook-structure';
import { ZipArchive } from './zip-archive';

/** Rows read from each worksheet to find its header (after a title or two) and see its first members. */
const SAMPLE_RECORDS = 30;

type SheetVerdict =
  | { readonly kind: 'members'; readonly records: SheetRecord[]; readonly layout: Exclude<ColumnLayout, { kind: 'missing_email_column' }> }
  | { readonly kind: 'empty' | 'header_only' | 'no_email_column'; readonly hasHeader?: boolean };

/**
 * Recognises an Excel workbook (.xlsx) as a member list: the first worksheet, in tab order (visible
 * ones before hidden ones), whose header names an email column, or whose first column holds
 * addresses. Rows are numbered as Excel numbers them. Throws CsvImportError when no worksheet can
 * be a member list, or when the workbook is refused (macros, a zip bomb, damaged).
 */
export async function openDirectoryWorkbook(filePath: string): Promise<DirectoryExport> {
  const archive = await ZipArchive.open(filePath);
  try {
    const structure = await readWorkbookStructure(archive);
    const sheets = [...structure.worksheets.filter((sheet) => !sheet.hidden), ...structure.worksheets.filter((sheet) => sheet.hidden)];
    const strings = await SharedStrings.open(archive, structure.sharedStrings);
    try {
      const verdicts: Exclude<SheetVerdict, { kind: 'members' }>[] = [];
      for (const sheet of sheets) {
        const verdict = await judge(archive, sheet, strings);
        if (verdict.kind === 'members') return exportOf(filePath, sheet, structure.sharedStrings, verdict);
        verdicts.push(verdict);
      }
      if (verdicts.some((verdict) => verdict.kind === 'header_only')) throw headerOnlyError();
      if (verdicts.every((verdict) => verdict.kind === 'empty')) throw emptyFileError();
      throw missingEmailColumnError(verdicts.some((verdict) => verdict.hasHeader), sheets.map((sheet) => sheet.name));
    } finally {
      strings.dispose();
    }
  } finally {
    archive.close();
  }
}

async function judge(archive: ZipArchive, sheet: WorksheetPart, strings: SharedStrings): Promise<SheetVerdict> {
  const records: SheetRecord[] = [];
  let complete = true;
  for await (const record of sheetRecords(archive, sheet.part, strings)) {
    if (records.length === SAMPLE_RECORDS) {
      complete = false;
      break;
    }
    checkRecordLimits(record.line, record.cells);
    records.push(record);
  }
  if (records.length === 0) return { kind: 'empty' };
  const layout = readColumnLayout(records.map((record) => record.cells));
  if (layout.kind === 'missing_email_column') return { kind: 'no_email_column', hasHeader: layout.hasHeader };
  if (layout.kind === 'header' && complete && records.length === layout.headerRecord + 1) return { kind: 'header_only' };
  return { kind: 'members', records, layout };
}

function exportOf(filePath: string, sheet: WorksheetPart, sharedStrings: string | undefined, verdict: Extract<SheetVerdict, { kind: 'members' }>): DirectoryExport {
  const { layout } = verdict;
  const header = layout.kind === 'header' ? verdict.records[layout.headerRecord] : undefined;
  const headers = header?.cells ?? [];
  return {
    format: 'xlsx',
    sheetName: sheet.name,
    delimiter: ',',
    lineEnding: '\r\n',
    hasHeader: header !== undefined,
    headers,
    columns: layout.columns,
    emailColumn: header ? headers[layout.columns.email] : null,
    ignoredColumns: layout.kind === 'header' ? [...layout.ignoredColumns] : [],
    rows: () => workbookRows(filePath, sheet.part, sharedStrings, header?.line ?? 0, layout.columns, headers),
  };
}

async function* workbookRows(
  filePath: string,
  part: string,
  sharedStrings: string | undefined,
  headerLine: number,
  columns: MemberColumns,
  headers: readonly string[],
): AsyncGenerator<DirectoryRow> {
  const archive = await ZipArchive.open(filePath);
  const strings = await SharedStrings.open(archive, sharedStrings).catch((error: unknown) => {
    archive.close();
    throw error;
  });
  try {
    for await (const { line, cells } of sheetRecords(archive, part, strings)) {
      checkRecordLimits(line, cells);
      if (line <= headerLine) continue;
      yield directoryRowOf(line, cells, columns, headers);
    }
  } finally {
    strings.dispose();
    archive.close();
  }
}
