import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { emptyFileError, headerOnlyError, missingEmailColumnError, notCsvError } from './csv-import.error';
import { csvRecords, csvRecordsOfText } from './csv-records';
import { detectDialect, type CsvDelimiter, type LineEnding } from './detect-dialect';
import { detectEncoding, type CsvEncoding } from './detect-encoding';
import { readColumnLayout, type MemberColumns } from './header-columns';

export interface DirectoryCsvRow {
  /** Physical line of the file where the row starts, as a text editor numbers it. */
  readonly line: number;
  /** Empty when the row has no cell in the email column. */
  readonly email: string;
  readonly userName?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** Every value of the row, trimmed, for errors.csv. */
  readonly cells: string[];
}

export interface DirectoryCsv {
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
  readonly lineEnding: LineEnding;
  readonly hasHeader: boolean;
  /** The header row's cells, trimmed; empty when the file has no header row. */
  readonly headers: string[];
  readonly columns: MemberColumns;
  readonly ignoredColumns: string[];
  /** Streams the member rows from the file, header excluded; each call reads the file again. */
  rows(): AsyncIterable<DirectoryCsvRow>;
}

const DEFAULT_SAMPLE_BYTES = 64 * 1024;

/**
 * Recognises an uploaded directory export from its first bytes: encoding, delimiter, header row and
 * the columns to import. Throws CsvImportError when the file cannot be a member list.
 * `sampleBytes` must hold the first two rows.
 */
export async function openDirectoryCsv(filePath: string, options: { sampleBytes?: number } = {}): Promise<DirectoryCsv> {
  const { sample, isWholeFile } = await readSample(filePath, options.sampleBytes ?? DEFAULT_SAMPLE_BYTES);
  const detection = detectEncoding(sample, { isWholeFile });
  if (!detection.isText) throw notCsvError(detection.content);
  const { encoding } = detection;

  const text = completeLines(iconv.decode(sample, encoding), isWholeFile);
  const { delimiter, lineEnding } = detectDialect(text);
  const { records, error } = await csvRecordsOfText(text, delimiter);
  // A partial sample may stop inside a quoted value spanning lines; reading the rows tells whether it closes.
  if (error && isWholeFile) throw error;
  const [first, second] = records;
  // A sample without a single row is taken as the whole story: no member list starts with that many blank lines.
  if (!first) throw emptyFileError();

  const layout = readColumnLayout(first.cells);
  if (layout.kind === 'missing_email_column') throw missingEmailColumnError(layout.hasHeader);
  const hasHeader = layout.kind === 'header';
  if (hasHeader && !second && isWholeFile) throw headerOnlyError();

  return {
    encoding,
    delimiter,
    lineEnding,
    hasHeader,
    headers: hasHeader ? first.cells : [],
    columns: layout.columns,
    ignoredColumns: hasHeader ? [...layout.ignoredColumns] : [],
    rows: () => memberRows(filePath, encoding, delimiter, hasHeader, layout.columns),
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

async function* memberRows(
  filePath: string,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  hasHeader: boolean,
  columns: MemberColumns,
): AsyncGenerator<DirectoryCsvRow> {
  // iconv-lite drops the byte order mark of UTF-8 and UTF-16 files.
  const records = csvRecords([createReadStream(filePath), iconv.decodeStream(encoding)], delimiter);
  let headerToSkip = hasHeader;
  let anyMember = false;
  for await (const { line, cells } of records) {
    if (headerToSkip) {
      headerToSkip = false;
      continue;
    }
    anyMember = true;
    yield {
      line,
      email: cells[columns.email] ?? '',
      userName: valueAt(cells, columns.userName),
      firstName: valueAt(cells, columns.firstName),
      lastName: valueAt(cells, columns.lastName),
      cells,
    };
  }
  // Only reachable when the sample did not cover the whole file.
  if (!anyMember) throw hasHeader ? headerOnlyError() : emptyFileError();
}

function valueAt(cells: readonly string[], column: number | undefined): string | undefined {
  return column === undefined || !cells[column] ? undefined : cells[column];
}
