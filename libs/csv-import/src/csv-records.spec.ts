import { PassThrough, Readable } from 'node:stream';
import { CsvImportError } from './csv-import.error';
import { csvRecords, csvRecordsOfText, type CsvRecord } from './csv-records';
import type { CsvDelimiter } from './detect-dialect';

async function readAll(chunks: string[], delimiter: CsvDelimiter = ';'): Promise<Array<[number, string[]]>> {
  const records: CsvRecord[] = [];
  for await (const record of csvRecords([Readable.from(chunks)], delimiter)) records.push(record);
  return records.map(({ line, cells }) => [line, cells]);
}

async function failureOf(text: string): Promise<CsvImportError> {
  const failure: unknown = await readAll([text]).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof CsvImportError)) throw new Error(`expected a CsvImportError, got ${String(failure)}`);
  return failure;
}

describe('csvRecords', () => {
  // Each text is read in one chunk and one character at a time: chunk boundaries must not move lines.
  describe.each<[string, (text: string) => string[]]>([
    ['in one chunk', (text) => [text]],
    ['one character at a time', (text) => [...text]],
  ])('%s', (_, chunked) => {
    it.each<[string, string, Array<[number, string[]]>]>([
      ['LF', 'a;b\nc;d\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
      ['CRLF', 'a;b\r\nc;d\r\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
      ['no final line break', 'a;b\r\nc;d', [[1, ['a', 'b']], [2, ['c', 'd']]]],
      [
        'LF inside quotes in a CRLF file, as Excel writes a multi-line cell',
        'h;n\r\na;"x\ny"\r\nb;z\r\n',
        [[1, ['h', 'n']], [2, ['a', 'x\ny']], [4, ['b', 'z']]],
      ],
      [
        'CRLF inside quotes, which csv-parse counts twice',
        'h;n\r\na;"x\r\ny\r\nz"\r\nb;"p\r\nq"\r\nc;w\r\n',
        [[1, ['h', 'n']], [2, ['a', 'x\r\ny\r\nz']], [5, ['b', 'p\r\nq']], [7, ['c', 'w']]],
      ],
      ['a record starting with a quoted multi-line value', '"x\ny";a\nb;c\n', [[1, ['x\ny', 'a']], [3, ['b', 'c']]]],
      [
        'blank, whitespace and delimiter-only lines are skipped but counted',
        '\r\na;b\r\n\r\n;\r\n   \r\n ; ; \r\n"";""\r\nc;d\r\n\r\n',
        [[2, ['a', 'b']], [8, ['c', 'd']]],
      ],
      ['mixed line endings', 'a;b\r\nc;d\ne;f\rg;h', [[1, ['a', 'b']], [2, ['c', 'd']], [3, ['e', 'f']], [4, ['g', 'h']]]],
      [
        'quoted delimiters and doubled quotes',
        '"Dupont; Jr.";"Says ""hi"""\n',
        [[1, ['Dupont; Jr.', 'Says "hi"']]],
      ],
      ['values are trimmed, quoted ones too', '  a  ; " b "\t;\u00a0c\u00a0\n', [[1, ['a', 'b', 'c']]]],
      ['a quote inside an unquoted value is kept', 'a;O"Brien\n', [[1, ['a', 'O"Brien']]]],
      ['rows of different lengths', 'a;b;c\nd\ne;f;g;h\n', [[1, ['a', 'b', 'c']], [2, ['d']], [3, ['e', 'f', 'g', 'h']]]],
    ])('%s', async (__, text, expected) => {
      await expect(readAll(chunked(text))).resolves.toEqual(expected);
    });
  });

  it('splits on the delimiter it is given', async () => {
    await expect(readAll(['a\tb;c,d\n'], '\t')).resolves.toEqual([[1, ['a', 'b;c,d']]]);
    await expect(readAll(['a\t\tb\n'], '\t')).resolves.toEqual([[1, ['a', '', 'b']]]);
  });

  it('names the line after the last good record when a quote is never closed', async () => {
    const error = await failureOf('h;n\r\na;"x\r\ny"\r\nb;"never closed\r\nc;d\r\n');
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toBe(
      'A double quote opened on line 4 or below is never closed, so the rest of the file cannot be read. ' +
        'Put a value that contains double quotes between double quotes, and write each double quote inside it as two ("").',
    );
  });

  it('names the line of text found after a closing quote', async () => {
    const error = await failureOf('h;n\na;"x\ny"\nb;"bad"value\n');
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toBe(
      'Line 4 has text right after the closing double quote of a value. ' +
        'Put a value that contains double quotes between double quotes, and write each double quote inside it as two ("").',
    );
  });

  it('refuses a row too long to be a member instead of buffering it', async () => {
    const error = await failureOf(`a;b\nc;"${'x'.repeat(70_000)}`);
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(/^The row on line \d+ is too long to be a member\./);
  });

  it('passes on an error of an earlier stage unchanged', async () => {
    const source = new PassThrough();
    const failure = new Error('disk unplugged');
    const reading = (async () => {
      for await (const record of csvRecords([source], ';')) void record;
    })();
    source.write('a;b\n');
    source.destroy(failure);
    await expect(reading).rejects.toBe(failure);
  });

  it('destroys its stages when the caller stops early', async () => {
    const source = Readable.from(['a;b\nc;d\ne;f\n']);
    for await (const record of csvRecords([source], ';')) {
      expect(record.line).toBe(1);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });

  describe('csvRecordsOfText', () => {
    it('reads every record of the text with its line', async () => {
      await expect(csvRecordsOfText('h;n\r\n\r\na;"x\r\ny"\r\nb;z', ';')).resolves.toEqual({
        records: [
          { line: 1, cells: ['h', 'n'] },
          { line: 3, cells: ['a', 'x\r\ny'] },
          { line: 5, cells: ['b', 'z'] },
        ],
      });
    });

    it('keeps the records read before a parse error beside that error', async () => {
      const { records, error } = await csvRecordsOfText('h;n\na;b\nc;"cut here\nd;e\n', ';');

      expect(records).toEqual([
        { line: 1, cells: ['h', 'n'] },
        { line: 2, cells: ['a', 'b'] },
      ]);
      expect(error).toMatchObject({
        code: 'unreadable_file',
        message: expect.stringMatching(/^A double quote opened on line 3 or below/),
      });
    });
  });
});
