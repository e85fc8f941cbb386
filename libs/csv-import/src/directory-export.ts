import type { CsvDelimiter, LineEnding } from './detect-dialect';
import type { CsvEncoding } from './detect-encoding';
import type { DirectoryRow } from './directory-row';
import type { MemberColumns } from './header-columns';

/** An uploaded directory export recognised as a member list: its layout, and its rows on demand. */
export interface DirectoryExport {
  readonly format: 'csv' | 'xlsx';
  /** The worksheet read, in a workbook. */
  readonly sheetName?: string;
  /** A CSV file's text encoding. */
  readonly encoding?: CsvEncoding;
  /** A CSV file's delimiter; `,` for a workbook. errors.csv is written with it. */
  readonly delimiter: CsvDelimiter;
  readonly lineEnding: LineEnding;
  readonly hasHeader: boolean;
  /** The header row's cells, trimmed; empty when the file has no header row. */
  readonly headers: string[];
  readonly columns: MemberColumns;
  /** The header of the column the batch takes addresses from; null without a header row. */
  readonly emailColumn: string | null;
  readonly ignoredColumns: string[];
  /** Streams the member rows from the file, header excluded; each call reads the file again. */
  rows(): AsyncIterable<DirectoryRow>;
}
