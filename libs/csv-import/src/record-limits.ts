import { createReadStream } from 'node:fs';
import { cellTooLargeError, rowTooLargeError, tooManyColumnsError, tooManyRowsError } from './csv-import.error';
import type { DirectoryExport } from './directory-export';

/** More columns than any directory export has (Active Directory's csvde writes about a hundred). */
export const MAX_COLUMNS = 500;

/**
 * Excel's own limit for a cell: directory exports hold long values in columns Roster ignores (an
 * Active Directory `memberOf` lists every group), and those must not make a file unreadable.
 */
export const MAX_CELL_CHARACTERS = 32_767;

/**
 * What one row may hold in all, as a CSV record may (csv-records.ts): it bounds what a row carries
 * on the broker, so a chunk cut by weight (chunk-cutter.ts) stays far below RabbitMQ's 16 MiB.
 */
export const MAX_ROW_CHARACTERS = 64 * 1024;

/** Throws when a record of the file (header or member, physical line or worksheet row `line`) is past a limit. */
export function checkRecordLimits(line: number, cells: readonly string[]): void {
  if (cells.length > MAX_COLUMNS) {
    // Cells left empty at the end of a row (a worksheet's formatting) are no column.
    let used = cells.length;
    while (used > 0 && cells[used - 1] === '') used -= 1;
    if (used > MAX_COLUMNS) throw tooManyColumnsError(line, used, MAX_COLUMNS);
  }
  let characters = 0;
  for (const [column, cell] of cells.entries()) {
    if (cell.length > MAX_CELL_CHARACTERS) throw cellTooLargeError(line, column, cell.length, MAX_CELL_CHARACTERS);
    characters += cell.length;
  }
  if (characters > MAX_ROW_CHARACTERS) throw rowTooLargeError(line, characters, MAX_ROW_CHARACTERS);
}

/**
 * Reads every member row of the file, checking each record's limits on the way, and counts them;
 * throws once there are more than `maxRows`. Streams: memory does not grow with the file.
 */
export async function countMemberRows(file: DirectoryExport, maxRows: number): Promise<number> {
  let rows = 0;
  for await (const _row of file.rows()) {
    rows += 1;
    if (rows > maxRows) throw tooManyRowsError(maxRows);
  }
  return rows;
}

/**
 * At least as many as the physical lines of a text file, counted from its bytes without decoding
 * (LF, and CR not followed by LF): a file with no more lines than a limit has no more rows. Reads
 * at disk speed, where parsing the rows is a hundred times slower.
 */
export async function physicalLinesAtMost(filePath: string): Promise<number> {
  let lines = 1;
  let afterCarriageReturn = false;
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      if (byte === 0x0a) {
        if (!afterCarriageReturn) lines += 1;
        afterCarriageReturn = false;
      } else {
        afterCarriageReturn = byte === 0x0d;
        if (afterCarriageReturn) lines += 1;
      }
    }
  }
  return lines;
}

/**
 * Throws when the file has more than `maxRows` member rows. A CSV file with no more lines than
 * that is let through on its byte count alone; else, and for a workbook, the rows are counted.
 */
export async function checkRowCount(file: DirectoryExport, filePath: string, maxRows: number): Promise<void> {
  if (file.format === 'csv' && (await physicalLinesAtMost(filePath)) <= maxRows) return;
  await countMemberRows(file, maxRows);
}
