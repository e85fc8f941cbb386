const LINE_BREAK = /\r\n|\r|\n/g;
const CRLF = /\r\n/g;

/**
 * Physical line numbers of parsed records, the numbers a text editor shows, so an admin can find a
 * rejected row. csv-parse's `info.lines` is the line on which a record ends, and it counts a CRLF inside
 * a quoted value as two lines, shifting every later record (csv-parse 7.0.3; csv-records.spec.ts pins
 * that behaviour so an upgrade that changes it fails there first).
 */
export class PhysicalLineCounter {
  private crlfCountedTwice = 0;
  private lastRecordEnd = 0;

  /** Call once per parsed record, in order, with the raw cells and csv-parse's `info.lines` for it. */
  startOf(cells: readonly string[], parserLines: number): number {
    let lineBreaks = 0;
    for (const cell of cells) {
      lineBreaks += countOf(LINE_BREAK, cell);
      this.crlfCountedTwice += countOf(CRLF, cell);
    }
    this.lastRecordEnd = parserLines - this.crlfCountedTwice;
    return this.lastRecordEnd - lineBreaks;
  }

  /** The physical line for a line number csv-parse reports in an error. */
  lineOf(parserLines: number): number {
    return parserLines - this.crlfCountedTwice;
  }

  /** The first line after the last record read: where an unterminated record starts, or later. */
  get afterLastRecord(): number {
    return this.lastRecordEnd + 1;
  }
}

function countOf(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}
