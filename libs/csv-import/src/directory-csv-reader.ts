import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { emptyFileError, headerOnlyError, missingEmailColumnError, notCsvError } from './csv-import.error';
import { csvRecords, csvRecordsOfText } from './csv-records';
import { detectDialect, type CsvDelimiter } from './detect-dialect';
import { detectEncoding, type CsvEncoding } from './detect-encoding';
import type { DirectoryExport } from './directory-export';
import { directoryRowOf, type DirectoryRow } from './directory-row';
import { readColumnLayout, type MemberColumns } from './header-columns';
import { checkRecordLimits } from './record-limits';

const DEFAULT_SAMPLE_BYTES = 64 * 1024;

/**
 * Recognises an uploaded CSV directory export from its first bytes: encoding, delimiter, header row
 * (after a line of preamble or two) and the columns to import. Throws CsvImportError when the file
 * cannot be a member list. `sampleBytes` must hold the header and the first rows.
 */
export async function openDirectoryCsv(filePath: string, options: { sampleBytes?: number } = {}): Promise<DirectoryExport & { encoding: CsvEncoding }> {
  const { sample, isWholeFile } = await readSample(filePath, options.sampleBytes ?? DEFAULT_SAMPLE_BYTES);
  const detection = detectEncoding(sample, { isWholeFile });
  if (!detection.isText) throw notCsvError(detection.content);
  const { encoding } = detection;

  const text = completeLines(iconv.decode(sample, encoding), isWholeFile);
  const { delimiter, lineEnding } = detectDialect(text);
  const { records, error } = await csvRecordsOfText(text, delimiter);
  // A partial sample may stop inside a quoted value spanning lines; reading the rows tells whether it closes.
  if (error && isWholeFile) throw error;
  // A sample without a single row is taken as the whole story: no member list starts with that many blank lines.
  if (records.length === 0) throw emptyFileError();
  for (const record of records) checkRecordLimits(record.line, record.cells);

  const layout = readColumnLayout(records.map((record) => record.cells));
  if (layout.kind === 'missing_email_column') throw missingEmailColumnError(layout.hasHeader);
  const header = layout.kind === 'header' ? records[layout.headerRecord] : undefined;
  if (layout.kind === 'header' && records.length === layout.headerRecord + 1 && isWholeFile) throw headerOnlyError();
  const headers = header ? header.cells : [];

  return {
    format: 'csv',
    encoding,
    delimiter,
    lineEnding,
    hasHeader: header !== undefined,
    headers,
    columns: layout.columns,
    emailColumn: header ? headers[layout.columns.email] : null,
    ignoredColumns: layout.kind === 'header' ? [...layout.ignoredColumns] : [],
    rows: () => memberRows(filePath, encoding, delimiter, header?.line ?? 0, layout.columns, headers),
  };
}

async function readSample(filePath: string, sampleBytes: number): Promise<{ sample: Buffer; isWholeFile: boolean }> {
  const file = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await file.read(buffer, 0, sampleBytes, 0);
    const { size } = await file.stat();
    return { sample: buffer.subarray(0, bytesRead), isWholeFile: bytesRead >= size };
  } finally {
    await file.close();
  }
}

/** Drops the end of a sample after its last line break: that line may be cut. */
function completeLines(text: string, isWholeFile: boolean): string {
  if (isWholeFile) return text;
  const lastLineBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastLineBreak === -1 ? text : text.slice(0, lastLineBreak + 1);
}

/** The rows after the header's line (`headerLine` 0: no header). */
async function* memberRows(
  filePath: string,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  headerLine: number,
  columns: MemberColumns,
  headers: readonly string[],
): AsyncGenerator<DirectoryRow> {
  // iconv-lite drops the byte order mark of UTF-8 and UTF-16 files.
  const records = csvRecords([createReadStream(filePath), iconv.decodeStream(encoding)], delimiter);
  let anyMember = false;
  for await (const { line, cells } of records) {
    checkRecordLimits(line, cells);
    if (line <= headerLine) continue;
    anyMember = true;
    yield directoryRowOf(line, cells, columns, headers);
  }
  // Only reachable when the sample did not cover the whole file.
  if (!anyMember) throw headerLine > 0 ? headerOnlyError() : emptyFileError();
}
