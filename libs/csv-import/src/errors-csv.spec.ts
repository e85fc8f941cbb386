import { errorsCsvChunks, errorsCsvChunksAsync, type ErrorsCsvRow } from './errors-csv';

const invalidEmail = (cells: string[], line: number): ErrorsCsvRow => ({
  cells,
  line,
  errorCode: 'invalid_email',
  errorMessage: 'Not an email address',
});

describe('errorsCsvChunks', () => {
  it('writes a BOM and the original headers, then one CRLF line per rejected row', () => {
    const chunks = [
      ...errorsCsvChunks({
        headers: ['Adresse e-mail', "Nom d'utilisateur", 'Prénom'],
        delimiter: ';',
        rows: [invalidEmail(['helene.example.fr', 'helene', 'Hélène'], 2), invalidEmail(['gael@', 'gael', 'Gaël'], 7)],
      }),
    ];

    expect(chunks).toEqual([
      "\uFEFFAdresse e-mail;Nom d'utilisateur;Prénom;line;error_code;error_message\r\n",
      'helene.example.fr;helene;Hélène;2;invalid_email;Not an email address\r\n',
      'gael@;gael;Gaël;7;invalid_email;Not an email address\r\n',
    ]);
  });

  it('names the columns email and user_name when the file had no header row', () => {
    const chunks = [...errorsCsvChunks({ headers: [], delimiter: ',', rows: [invalidEmail(['ada', 'ada_l', 'extra'], 1)] })];

    expect(chunks).toEqual([
      '\uFEFFemail,user_name,line,error_code,error_message\r\n',
      'ada,ada_l,1,invalid_email,Not an email address\r\n',
    ]);
  });

  it('pads short rows to the header width', () => {
    const chunks = [...errorsCsvChunks({ headers: ['Email', 'Username', 'Notes'], delimiter: ',', rows: [invalidEmail(['ada'], 4)] })];

    expect(chunks[1]).toBe('ada,,,4,invalid_email,Not an email address\r\n');
  });

  it('writes only the header when no row was rejected', () => {
    const chunks = [...errorsCsvChunks({ headers: ['Email'], delimiter: '\t', rows: [] })];

    expect(chunks).toEqual(['\uFEFFEmail\tline\terror_code\terror_message\r\n']);
  });

  describe('cells', () => {
    it.each<[string, string, string, string]>([
      ['plain', 'ada@example.com', ';', 'ada@example.com'],
      ['holding the delimiter', 'Dupont; Jr.', ';', '"Dupont; Jr."'],
      ['holding another delimiter', 'Dupont, Jr.', ';', 'Dupont, Jr.'],
      ['holding a comma with comma delimiter', 'Dupont, Jr.', ',', '"Dupont, Jr."'],
      ['holding a tab with tab delimiter', 'a\tb', '\t', '"a\tb"'],
      ['holding double quotes', 'Says "hi"', ';', '"Says ""hi"""'],
      ['holding LF', 'one\ntwo', ';', '"one\ntwo"'],
      ['holding CR', 'one\rtwo', ';', '"one\rtwo"'],
      ['holding CRLF', 'one\r\ntwo', ';', '"one\r\ntwo"'],
      ['empty', '', ';', ''],
      ['starting with =', '=HYPERLINK("http://x")', ';', `"'=HYPERLINK(""http://x"")"`],
      ['starting with +', '+33 6 12 34 56 78', ';', "'+33 6 12 34 56 78"],
      ['starting with -', '-2+3', ';', "'-2+3"],
      ['starting with @', '@SUM(A1)', ';', "'@SUM(A1)"],
      ['starting with a tab', '\t=1', ';', "'\t=1"],
      ['starting with a tab, tab delimiter', '\t=1', '\t', `"'\t=1"`],
      ['starting with CR', '\r=1', ';', `"'\r=1"`],
      ['starting with NUL', '\u0000=1', ';', "'\u0000=1"],
      ['with = later on', 'a=b', ';', 'a=b'],
      ['with an email @ inside', 'a@b.fr', ';', 'a@b.fr'],
    ])('%s', (_, cell, delimiter, expected) => {
      const [, line] = [...errorsCsvChunks({ headers: ['Email'], delimiter, rows: [invalidEmail([cell], 1)] })];

      expect(line).toBe([expected, '1', 'invalid_email', 'Not an email address'].join(delimiter) + '\r\n');
    });
  });

  it('neutralises and quotes headers and error messages too', () => {
    const [header, line] = [
      ...errorsCsvChunks({
        headers: ['=cmd', 'Nom; prénom'],
        delimiter: ';',
        rows: [{ cells: ['x', 'y'], line: 3, errorCode: 'duplicate', errorMessage: '-Already "taken"; try another' }],
      }),
    ];

    expect(header).toBe("\uFEFF'=cmd;\"Nom; prénom\";line;error_code;error_message\r\n");
    expect(line).toBe('x;y;3;duplicate;"\'-Already ""taken""; try another"\r\n');
  });
});

describe('errorsCsvChunksAsync', () => {
  it('writes the same chunks from an async iterable of rows', async () => {
    async function* rejected(): AsyncGenerator<ErrorsCsvRow> {
      yield invalidEmail(['helene.example.fr', 'Hélène'], 2);
      yield invalidEmail(['=1+1', 'x'], 5);
    }
    const chunks: string[] = [];
    const input = { headers: ['Email', 'Prénom'], delimiter: ';', rows: rejected() };
    for await (const chunk of errorsCsvChunksAsync(input)) chunks.push(chunk);

    expect(chunks).toEqual([
      '\uFEFFEmail;Prénom;line;error_code;error_message\r\n',
      'helene.example.fr;Hélène;2;invalid_email;Not an email address\r\n',
      "'=1+1;x;5;invalid_email;Not an email address\r\n",
    ]);
  });

  it('accepts a plain iterable too', async () => {
    const chunks: string[] = [];
    for await (const chunk of errorsCsvChunksAsync({ headers: [], delimiter: ';', rows: [invalidEmail(['ada'], 1)] })) chunks.push(chunk);

    expect(chunks).toEqual(['\uFEFFemail;user_name;line;error_code;error_message\r\n', 'ada;;1;invalid_email;Not an email address\r\n']);
  });
});
