import { CsvImportError } from './csv-import.error';
import { checkRecordLimits, MAX_CELL_CHARACTERS, MAX_COLUMNS } from './record-limits';

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
    expect(refusal(Array.from({ length: MAX_COLUMNS }, () => 'x'.repeat(MAX_CELL_CHARACTERS)))).toBeUndefined();
  });

  it('takes empty cells past the last column (a worksheet formatted far to the right)', () => {
    expect(refusal(['jane@example.com', ...Array(20_000).fill('')])).toBeUndefined();
  });

  it('refuses one column too many, naming the line', () => {
    expect(refusal(Array(MAX_COLUMNS + 1).fill('a'))).toEqual({ code: 'too_many_columns', message: expect.stringContaining('Line 7 has 501 columns') });
  });

  it('refuses a cell one character too long, naming its line and column', () => {
    expect(refusal(['a', 'x'.repeat(MAX_CELL_CHARACTERS + 1)])).toEqual({ code: 'cell_too_large', message: expect.stringContaining('Line 7, column 2 holds 1,025 characters') });
  });
});
