import { pipeline } from 'node:stream';
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { type CsvImportError, unparsableCsvError } from './csv-import.error';
import type { CsvDelimiter } from './detect-dialect';
import { PhysicalLineCounter } from './physical-lines';

export interface CsvRecord {
  /** Physical line of the file on which the record starts. */
  readonly line: number;
  /** Values without surrounding whitespace, quoted values included. */
  readonly cells: string[];
}

type TextStage = NodeJS.ReadableStream | NodeJS.ReadWriteStream;
type RecordHandler = (record: string[], context: InfoRecord) => CsvRecord | null;

// A directory row is a few hundred bytes; the cap bounds memory when a quote is never closed.
const MAX_RECORD_SIZE = 64 * 1024;

/**
 * Parses decoded CSV text flowing out of `stages` (piped in order) into records, skipping rows whose
 * values are all blank. Pulls from the source only as fast as the caller iterates; stopping early
 * destroys every stage, so file handles are released.
 */
export async function* csvRecords(
  stages: readonly [TextStage, ...TextStage[]],
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvRecord> {
  const lines = new PhysicalLineCounter();
  const parser = parse(parserOptions(delimiter, recordsCountedBy(lines)));
  // Errors of any stage destroy the parser, so they reach the caller through the iteration below.
  pipeline([...stages, parser], () => undefined);
  try {
    yield* parser as AsyncIterable<CsvRecord>;
  } catch (error) {
    throw error instanceof CsvError ? unparsable(error, lines) : error;
  }
}

/**
 * Every record of a text held in memory, such as the sample of a file. A parse error ends the records
 * but, unlike a stream's, does not discard those read before it.
 */
export function csvRecordsOfText(
  text: string,
  delimiter: CsvDelimiter,
): Promise<{ records: CsvRecord[]; error?: CsvImportError }> {
  const lines = new PhysicalLineCounter();
  const toRecord = recordsCountedBy(lines);
  const records: CsvRecord[] = [];
  const keepRecord: RecordHandler = (record, context) => {
    const kept = toRecord(record, context);
    if (kept) records.push(kept);
    return null;
  };
  return new Promise((resolve, reject) => {
    parse(text, parserOptions(delimiter, keepRecord), (error) => {
      if (error === undefined) resolve({ records });
      else if (error instanceof CsvError) resolve({ records, error: unparsable(error, lines) });
      else reject(error);
    });
  });
}

function parserOptions(delimiter: CsvDelimiter, onRecord: RecordHandler): Options {
  return {
    delimiter,
    // Hand-edited exports mix line endings; lone CR is what "CSV (Macintosh)" writes.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_SIZE,
    // csv-parse types records as string arrays whatever on_record returns; the parser yields CsvRecords.
    on_record: onRecord as unknown as Options['on_record'],
  };
}

/** Lines are counted as csv-parse emits records, before the caller reads them, so errors count them too. */
function recordsCountedBy(lines: PhysicalLineCounter): RecordHandler {
  return (record, context) => {
    const line = lines.startOf(record, context.lines);
    // Trimmed here rather than by csv-parse alone, which keeps the spaces inside quotes.
    const cells = record.map((cell) => cell.trim());
    return cells.every((cell) => cell === '') ? null : { line, cells };
  };
}

function unparsable(error: CsvError, lines: PhysicalLineCounter): CsvImportError {
  const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lines.afterLastRecord : lines.lineOf(Number(error.lines));
  return unparsableCsvError(error.code, line);
}
