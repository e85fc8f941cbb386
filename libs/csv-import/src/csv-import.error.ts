import { ErrorCode } from '@app/contracts';
import type { CsvErrorCode } from 'csv-parse';
import type { NotCsvContent } from './detect-encoding';
import { ACCEPTED_EMAIL_HEADERS } from './header-columns';

type CsvImportErrorCode =
  | typeof ErrorCode.UnreadableFile
  | typeof ErrorCode.MissingEmailColumn
  | typeof ErrorCode.EmptyFile;

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

const EXPORT_AS_CSV = 'Export the member list from your directory or spreadsheet as CSV (UTF-8 if offered) and upload that file.';

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

export function missingEmailColumnError(hasHeader: boolean): CsvImportError {
  const message = hasHeader
    ? `No column of the header row holds email addresses. Name that column with one of: ${EMAIL_HEADER_LIST}.`
    : 'The first row is neither a header row naming the email column nor a member starting with an email address. ' +
      `Add a header row that names the email column with one of: ${EMAIL_HEADER_LIST}; ` +
      'or, without a header row, put the email addresses in the first column.';
  return new CsvImportError(ErrorCode.MissingEmailColumn, message);
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
