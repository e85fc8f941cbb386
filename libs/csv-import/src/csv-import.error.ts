import { ErrorCode } from '@app/contracts';
import type { CsvErrorCode } from 'csv-parse';
import type { NotCsvContent } from './detect-encoding';
import { ACCEPTED_EMAIL_HEADERS } from './header-columns';

type CsvImportErrorCode =
  | typeof ErrorCode.UnreadableFile
  | typeof ErrorCode.MissingEmailColumn
  | typeof ErrorCode.EmptyFile
  | typeof ErrorCode.WorkbookHasMacros
  | typeof ErrorCode.EncryptedWorkbook
  | typeof ErrorCode.LegacyExcelWorkbook
  | typeof ErrorCode.WorkbookTooLarge
  | typeof ErrorCode.TooManyRows
  | typeof ErrorCode.TooManyColumns
  | typeof ErrorCode.CellTooLarge;

/** A file the import cannot take as a member list; `message` is written for the admin who uploaded it. */
export class CsvImportError extends Error {
  constructor(
    readonly code: CsvImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsvImportError';
  }
}

const EXPORT_AS_CSV =
  'Export the member list from your directory or spreadsheet as CSV (UTF-8 if offered) or as an Excel workbook (.xlsx) and upload that file.';
const SAVE_AS_XLSX = 'In Excel, save it as "Excel Workbook (.xlsx)" or as "CSV UTF-8" and upload that file.';

const NOT_CSV_OPENINGS: Readonly<Record<NotCsvContent, string>> = {
  png_image: 'This file is a PNG image, not a CSV file.',
  zip_archive: 'This file is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file.',
  legacy_excel_workbook: 'This file is an Excel .xls workbook, not a CSV file.',
  pdf_document: 'This file is a PDF document, not a CSV file.',
  gzip_archive: 'This file is a compressed GZIP archive, not a CSV file.',
  binary_data: 'This file does not contain text, so it is not a CSV file.',
};

const EMAIL_HEADER_LIST = ACCEPTED_EMAIL_HEADERS.map((name) => `"${name}"`).join(', ');

export function notCsvError(content: NotCsvContent): CsvImportError {
  return new CsvImportError(ErrorCode.UnreadableFile, `${NOT_CSV_OPENINGS[content]} ${EXPORT_AS_CSV}`);
}

export function damagedWorkbookError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.UnreadableFile,
    `The workbook cannot be opened: it is damaged or incomplete (an interrupted download?). Open it in Excel if you can and save it again. ${SAVE_AS_XLSX}`,
  );
}

export type NotAWorkbook = 'zip_archive' | 'binary_workbook' | 'opendocument_spreadsheet';

const NOT_WORKBOOK_OPENINGS: Readonly<Record<NotAWorkbook, string>> = {
  zip_archive: 'This file is a ZIP archive but not an Excel workbook.',
  binary_workbook: 'This file is an Excel binary workbook (.xlsb), which is not read.',
  opendocument_spreadsheet: 'This file is an OpenDocument spreadsheet (.ods), which is not read.',
};

export function notAWorkbookError(content: NotAWorkbook): CsvImportError {
  const advice = content === 'zip_archive' ? EXPORT_AS_CSV : 'Save it as "Excel Workbook (.xlsx)" or as "CSV UTF-8" and upload that file.';
  return new CsvImportError(ErrorCode.UnreadableFile, `${NOT_WORKBOOK_OPENINGS[content]} ${advice}`);
}

export function macroWorkbookError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.WorkbookHasMacros,
    `This workbook contains macros (an .xlsm file), and a workbook with macros is never opened here. ${SAVE_AS_XLSX}`,
  );
}

export function encryptedWorkbookError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.EncryptedWorkbook,
    'This workbook is protected by a password, so it cannot be read. In Excel, open it, remove the password ' +
      '(File > Info > Protect Workbook > Encrypt with Password, then clear the password), save it and upload it again; or save it as "CSV UTF-8".',
  );
}

export function legacyWorkbookError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.LegacyExcelWorkbook,
    `This file is an Excel 97-2003 workbook (.xls) or another old Office file, which is not read. ${SAVE_AS_XLSX}`,
  );
}

export function workbookTooLargeError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.WorkbookTooLarge,
    'This workbook would unpack to more than 1 GB, or a part of it unpacks beyond the size it declares, so it is not read. ' +
      'Export the member list as CSV, or split it into several workbooks.',
  );
}

export function emptyFileError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.EmptyFile,
    'The file contains no members: it is empty or holds only blank lines. ' +
      'Expected one member per line, each starting with an email address, optionally below a header row.',
  );
}

export function headerOnlyError(): CsvImportError {
  return new CsvImportError(
    ErrorCode.EmptyFile,
    'The file has a header row but no members below it. Add one member per line under the header row.',
  );
}

/** `sheets`: the worksheets looked at, when the file is a workbook. */
export function missingEmailColumnError(hasHeader: boolean, sheets?: readonly string[]): CsvImportError {
  if (sheets) {
    return new CsvImportError(
      ErrorCode.MissingEmailColumn,
      `No worksheet of the workbook (${sheets.map((sheet) => `"${sheet}"`).join(', ')}) has a header row naming a column of email addresses, ` +
        `nor email addresses in its first column. Name that column with one of: ${EMAIL_HEADER_LIST}.`,
    );
  }
  const message = hasHeader
    ? `No column of the header row holds email addresses. Name that column with one of: ${EMAIL_HEADER_LIST}.`
    : 'The first row is neither a header row naming the email column nor a member starting with an email address. ' +
      `Add a header row that names the email column with one of: ${EMAIL_HEADER_LIST}; ` +
      'or, without a header row, put the email addresses in the first column.';
  return new CsvImportError(ErrorCode.MissingEmailColumn, message);
}

export function tooManyRowsError(maxRows: number): CsvImportError {
  return new CsvImportError(
    ErrorCode.TooManyRows,
    `The file has more than ${maxRows.toLocaleString('en')} member rows, the most this server takes at once. Split it into several files.`,
  );
}

/** `line`: the physical line of a CSV file, or the worksheet row. */
export function tooManyColumnsError(line: number, columns: number, maxColumns: number): CsvImportError {
  return new CsvImportError(
    ErrorCode.TooManyColumns,
    `Line ${line} has ${columns.toLocaleString('en')} columns; a member list may have at most ${maxColumns}. Export only the columns you need.`,
  );
}

/** `column`: from 0. */
export function cellTooLargeError(line: number, column: number, characters: number, maxCharacters: number): CsvImportError {
  return new CsvImportError(
    ErrorCode.CellTooLarge,
    `Line ${line}, column ${column + 1} holds ${characters.toLocaleString('en')} characters; a value may have at most ${maxCharacters.toLocaleString('en')}. ` +
      'Check that the file is a member list, or export only the columns you need.',
  );
}

export function rowTooLargeError(line: number, characters: number, maxCharacters: number): CsvImportError {
  return new CsvImportError(
    ErrorCode.UnreadableFile,
    `Line ${line} holds ${characters.toLocaleString('en')} characters in all; a row may have at most ${maxCharacters.toLocaleString('en')}. ` +
      'Check that the file is a member list, or export only the columns you need.',
  );
}

/** `line` is where csv-parse stopped, already converted to a physical line. */
export function unparsableCsvError(code: CsvErrorCode, line: number): CsvImportError {
  return new CsvImportError(ErrorCode.UnreadableFile, unparsableCsvMessage(code, line));
}

function unparsableCsvMessage(code: CsvErrorCode, line: number): string {
  const quoting =
    'Put a value that contains double quotes between double quotes, and write each double quote inside it as two ("").';
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return (
        `A double quote opened on line ${line} or below is never closed, so the rest of the file cannot be read. ` +
        quoting
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `Line ${line} has text right after the closing double quote of a value. ${quoting}`;
    case 'CSV_MAX_RECORD_SIZE':
      return (
        `The row on line ${line} is too long to be a member. ` +
        'Check that the file is a CSV export and that its double quotes are balanced.'
      );
    default:
      return `The file could not be read as CSV near line ${line}. ${EXPORT_AS_CSV}`;
  }
}
