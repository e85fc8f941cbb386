import type { SharedStrings } from './shared-strings';
import { decodeEscapes } from './shared-strings';
import type { ZipArchive } from './zip-archive';
import { XmlPartReader } from './xml-part-reader';

export interface SheetRecord {
  /** The row number Excel shows. */
  readonly line: number;
  /** Values without surrounding whitespace; a missing cell is empty. */
  readonly cells: string[];
}

/** A directory row has a few dozen columns; a stray cell far to the right is not worth a huge row. */
const MAX_COLUMNS = 1024;

type CellValue = string | { readonly shared: number };

interface RowInProgress {
  line: number;
  cells: CellValue[];
  maxShared: number;
}

/**
 * The rows of a worksheet part, in order, streaming, skipping rows without a value. Each cell is
 * what Excel last computed and saved: a formula is never evaluated, its cached value is read (none
 * saved: empty). Booleans read TRUE or FALSE, numbers and dates as stored (dates are day numbers).
 * Stopping early releases the part.
 */
export async function* sheetRecords(archive: ZipArchive, part: string, strings: SharedStrings): AsyncGenerator<SheetRecord> {
  const rows = new SheetRows();
  const reader = new XmlPartReader(await archive.stream(part), rows);
  try {
    let more = true;
    while (more || rows.done.length > 0) {
      if (rows.done.length === 0) {
        more = await reader.step();
        continue;
      }
      const ready = rows.done.splice(0);
      await strings.readUpTo(Math.max(...ready.map((row) => row.maxShared)));
      for (const row of ready) {
        const cells = row.cells.map((cell) => (typeof cell === 'string' ? cell : strings.get(cell.shared)).trim());
        if (cells.some((cell) => cell !== '')) yield { line: row.line, cells };
      }
    }
  } finally {
    reader.destroy();
  }
}

/** Collects the rows of a worksheet's XML as the parser reads it. */
class SheetRows {
  readonly done: RowInProgress[] = [];
  private row: RowInProgress | undefined;
  private lastLine = 0;
  private column = -1;
  private type = '';
  private value: string[] = [];
  private inValue = false;
  private inInlineText = false;
  private inPhonetic = false;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'row':
        this.lastLine = positiveInteger(attributes.r) ?? this.lastLine + 1;
        this.row = { line: this.lastLine, cells: [], maxShared: -1 };
        this.column = -1;
        break;
      case 'c':
        this.column = columnOf(attributes.r) ?? this.column + 1;
        this.type = attributes.t ?? 'n';
        this.value = [];
        break;
      case 'v':
        this.inValue = true;
        break;
      case 't':
        this.inInlineText = this.type === 'inlineStr' && !this.inPhonetic;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'row':
        if (this.row) this.done.push(this.row);
        this.row = undefined;
        break;
      case 'c':
        this.keepCell();
        break;
      case 'v':
        this.inValue = false;
        break;
      case 't':
        this.inInlineText = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
    }
  }

  text(text: string): void {
    if (this.inValue || this.inInlineText) this.value.push(text);
  }

  private keepCell(): void {
    const row = this.row;
    if (!row || this.column >= MAX_COLUMNS) return;
    const raw = this.value.join('');
    let cell: CellValue;
    if (this.type === 's') {
      if (!/^\s*\d+\s*$/.test(raw)) return;
      const index = Number(raw);
      cell = { shared: index };
      row.maxShared = Math.max(row.maxShared, index);
    } else if (this.type === 'b') cell = raw.trim() === '1' ? 'TRUE' : raw.trim() === '0' ? 'FALSE' : raw;
    else cell = this.type === 'inlineStr' || this.type === 'str' ? decodeEscapes(raw) : raw;
    while (row.cells.length < this.column) row.cells.push('');
    row.cells[this.column] = cell;
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** Zero-based column of a cell reference such as "AB12"; undefined without one. */
function columnOf(reference: string | undefined): number | undefined {
  const letters = reference ? /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1] : undefined;
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}
