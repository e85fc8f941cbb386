export interface ErrorsCsvRow {
  readonly cells: readonly string[];
  readonly line: number;
  readonly errorCode: string;
  readonly errorMessage: string;
}

interface ErrorsCsvInput<Rows> {
  /** The uploaded file's header cells, or none when it had no header row. */
  readonly headers: readonly string[];
  readonly delimiter: string;
  readonly rows: Rows;
}

// Excel needs the BOM to read UTF-8, and opens a file with its own list separator in columns.
const UTF8_BOM = '\uFEFF';
const HEADERS_OF_A_FILE_WITHOUT_HEADER = ['email', 'user_name'];
const ERROR_HEADERS = ['line', 'error_code', 'error_message'];
// OWASP "CSV injection": a spreadsheet evaluates a cell starting with these as a formula.
const FORMULA_TRIGGER = /^[=+\-@\t\r\0]/;

/**
 * The rejected rows of an upload as the errors.csv an admin downloads, fixes and uploads again: the
 * original columns, then line, error_code and error_message. Every line has as many cells as the header;
 * cells beyond it were ignored by the import and are left out.
 */
export function* errorsCsvChunks(input: ErrorsCsvInput<Iterable<ErrorsCsvRow>>): Generator<string> {
  const memberHeaders = headersOf(input);
  yield UTF8_BOM + csvLine([...memberHeaders, ...ERROR_HEADERS], input.delimiter);
  for (const row of input.rows) yield errorLine(row, memberHeaders.length, input.delimiter);
}

export async function* errorsCsvChunksAsync(
  input: ErrorsCsvInput<AsyncIterable<ErrorsCsvRow> | Iterable<ErrorsCsvRow>>,
): AsyncGenerator<string> {
  const memberHeaders = headersOf(input);
  yield UTF8_BOM + csvLine([...memberHeaders, ...ERROR_HEADERS], input.delimiter);
  for await (const row of input.rows) yield errorLine(row, memberHeaders.length, input.delimiter);
}

function headersOf({ headers }: ErrorsCsvInput<unknown>): readonly string[] {
  return headers.length > 0 ? headers : HEADERS_OF_A_FILE_WITHOUT_HEADER;
}

function errorLine(row: ErrorsCsvRow, memberColumnCount: number, delimiter: string): string {
  const memberCells = Array.from({ length: memberColumnCount }, (_, index) => row.cells[index] ?? '');
  return csvLine([...memberCells, String(row.line), row.errorCode, row.errorMessage], delimiter);
}

function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map((cell) => csvCell(cell, delimiter)).join(delimiter) + '\r\n';
}

function csvCell(value: string, delimiter: string): string {
  const neutralised = FORMULA_TRIGGER.test(value) ? `'${value}` : value;
  const needsQuotes = neutralised.includes(delimiter) || /["\r\n]/.test(neutralised);
  return needsQuotes ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}
