import { CsvImportError } from './csv-import.error';
import { checkRecordLimits, MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROW_CHARACTERS } from './record-limits';

function refusal(cells: string[]): { code: string; message: string } | undefined {
  try {
    checkRecordLimits(7, cells);
    return undefined;
  } catch (error) {
    if (error instanceof CsvImportError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('checkRecordLimits', () => {
  it('takes a record at every limit', () => {
    const full = ['x'.repeat(MAX_CELL_CHARACTERS), 'y'.repeat(MAX_CELL_CHARACTERS), 'z'.repeat(MAX_ROW_CHARACTERS - 2 * MAX_CELL_CHARACTERS)];
    expect(refusal([...full, ...Array(MAX_COLUMNS - full.length).fill('')])).toBeUndefined();
  });

  it('takes empty cells past the last column (a worksheet formatted far to the right)', () => {
    expect(refusal(['jane@example.com', ...Array(20_000).fill('')])).toBeUndefined();
  });

  it('refuses one column too many, naming the line', () => {
    expect(refusal(Array(MAX_COLUMNS + 1).fill('a'))).toEqual({ code: 'too_many_columns', message: expect.stringContaining('Line 7 has 501 columns') });
  });

  it('refuses a cell one character too long, naming its line and column', () => {
    expect(refusal(['a', 'x'.repeat(MAX_CELL_CHARACTERS + 1)])).toEqual({ code: 'cell_too_large', message: expect.stringContaining('Line 7, column 2 holds 32,768 characters') });
  });

  it('refuses a row one character too long in all, naming its line', () => {
    const cells = ['a', 'x'.repeat(MAX_CELL_CHARACTERS), 'y'.repeat(MAX_CELL_CHARACTERS), 'z'.repeat(MAX_ROW_CHARACTERS - 2 * MAX_CELL_CHARACTERS)];
    expect(refusal(cells)).toEqual({ code: 'unreadable_file', message: expect.stringContaining('Line 7 holds 65,537 characters in all') });
  });
});
