import { EmailListEntry, parseEmailList, rowInputOf } from './email-list';

type Expected = Omit<EmailListEntry, 'position'>;

// Positions are always 1, 2, 3 … in order; the tables only spell out the rest.
function parsed(input: string | string[]): Expected[] {
  const entries = parseEmailList(input);
  expect(entries.map((entry) => entry.position)).toEqual(entries.map((_, index) => index + 1));
  return entries.map(({ position: _position, ...rest }) => rest);
}

const plain = (email: string, raw = email): Expected => ({ raw, email });

describe('parseEmailList', () => {
  it.each<[string, string, Expected[]]>([
    ['one address', 'jane@x.com', [plain('jane@x.com')]],
    ['commas', 'a@x.com,b@x.com, c@x.com', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com')]],
    ['semicolons', 'a@x.com;b@x.com ; c@x.com', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com')]],
    ['spaces and tabs', 'a@x.com b@x.com\t\tc@x.com', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com')]],
    ['newlines of any kind', 'a@x.com\nb@x.com\r\nc@x.com\r', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com')]],
    ['mixed separators', ' a@x.com,\n b@x.com ;; c@x.com\t d@x.com ,', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com'), plain('d@x.com')]],
    ['no-break and zero-width spaces', 'a@x.com\u00a0b@x.com\u200bc@x.com', [plain('a@x.com'), plain('b@x.com'), plain('c@x.com')]],
    ['addresses normalized, raw kept', '  Jane.Doe@Example.COM ', [plain('jane.doe@example.com', 'Jane.Doe@Example.COM')]],
    ['nothing but separators', ' ,;\n\t ,', []],
    ['empty', '', []],
  ])('%s', (_case, input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each<[string, string, Expected[]]>([
    [
      'a display name with its inner spaces',
      'Jane Doe <jane@x.com>',
      [{ raw: 'Jane Doe <jane@x.com>', email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' }],
    ],
    [
      'a quoted name with a comma, last name first',
      '"Doe, Jane" <jane@x.com>',
      [{ raw: '"Doe, Jane" <jane@x.com>', email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' }],
    ],
    [
      'a quoted name without a comma',
      '"Jane Doe" <Jane@X.com>',
      [{ raw: '"Jane Doe" <Jane@X.com>', email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' }],
    ],
    ['a one-word name', 'Jane <jane@x.com>', [{ raw: 'Jane <jane@x.com>', email: 'jane@x.com', firstName: 'Jane' }]],
    [
      'three words: first name, then the rest',
      'Ludwig van Beethoven <lvb@x.de>',
      [{ raw: 'Ludwig van Beethoven <lvb@x.de>', email: 'lvb@x.de', firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ],
    [
      'accents kept in names',
      '"Lefèvre, Élodie" <elodie@x.fr>',
      [{ raw: '"Lefèvre, Élodie" <elodie@x.fr>', email: 'elodie@x.fr', firstName: 'Élodie', lastName: 'Lefèvre' }],
    ],
    ['only a last name before the comma', '"Doe," <jane@x.com>', [{ raw: '"Doe," <jane@x.com>', email: 'jane@x.com', lastName: 'Doe' }]],
    ['angle brackets without a name', '<jane@x.com>', [plain('jane@x.com', '<jane@x.com>')]],
    ['a name that is the address', '"jane@x.com" <jane@x.com>', [plain('jane@x.com', '"jane@x.com" <jane@x.com>')]],
    ['single quotes around a name', "'Jane Doe' <jane@x.com>", [{ raw: "'Jane Doe' <jane@x.com>", email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' }]],
    ['escaped quotes in a quoted name', '"Jane \\"JJ\\" Doe" <jj@x.com>', [{ raw: '"Jane \\"JJ\\" Doe" <jj@x.com>', email: 'jj@x.com', firstName: 'Jane', lastName: '"JJ" Doe' }]],
    ['a lone quoted address', '"jane@x.com"', [plain('jane@x.com', '"jane@x.com"')]],
    ['no space before the bracket', 'Jane Doe<jane@x.com>', [{ raw: 'Jane Doe<jane@x.com>', email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' }]],
    ['a forgotten closing bracket', 'Jane <jane@x.com, b@x.com', [{ raw: 'Jane <jane@x.com', email: 'jane@x.com', firstName: 'Jane' }, plain('b@x.com')]],
  ])('%s', (_case, input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it('parses a mail client paste with names and separators mixed', () => {
    const input = '"Doe, Jane" <jane@x.com>; John Smith <john@x.com>, bob@x.com\n<alice@y.org> "Lee, Ann" <ann@y.org>';
    expect(parsed(input)).toEqual([
      { raw: '"Doe, Jane" <jane@x.com>', email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' },
      { raw: 'John Smith <john@x.com>', email: 'john@x.com', firstName: 'John', lastName: 'Smith' },
      plain('bob@x.com'),
      plain('alice@y.org', '<alice@y.org>'),
      { raw: '"Lee, Ann" <ann@y.org>', email: 'ann@y.org', firstName: 'Ann', lastName: 'Lee' },
    ]);
  });

  it.each<[string, string, Expected[]]>([
    ['a word', 'hello', [plain('hello')]],
    ['words kept together', 'a@x.com not an address; b@x.com', [plain('a@x.com'), plain('not an address'), plain('b@x.com')]],
    ['a name without brackets', 'Jane Doe jane@x.com', [plain('jane doe', 'Jane Doe'), plain('jane@x.com')]],
    ['an unquoted comma splits a name', 'Doe, Jane <jane@x.com>', [plain('doe', 'Doe'), { raw: 'Jane <jane@x.com>', email: 'jane@x.com', firstName: 'Jane' }]],
    ['a quote never closed', '"Jane jane@x.com', [plain('"jane', '"Jane'), plain('jane@x.com')]],
    ['a quote closed on another line', '"Jane\nDoe" <jd@x.com>', [plain('"jane', '"Jane'), { raw: 'Doe" <jd@x.com>', email: 'jd@x.com', firstName: 'Doe"' }]],
    ['a quoted string alone', '"Doe, Jane"', [plain('doe, jane', '"Doe, Jane"')]],
    ['empty brackets', '<>', [plain('', '<>')]],
    ['a stray closing bracket', 'jane@x.com>', [plain('jane@x.com>')]],
    ['two at signs', 'a@@x.com', [plain('a@@x.com')]],
  ])('keeps garbage as entries: %s', (_case, input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it('parses every element of an array, numbering across them', () => {
    expect(parsed(['a@x.com', ' b@x.com, Jane <jane@x.com> ', '', 'c@x.com'])).toEqual([
      plain('a@x.com'),
      plain('b@x.com'),
      { raw: 'Jane <jane@x.com>', email: 'jane@x.com', firstName: 'Jane' },
      plain('c@x.com'),
    ]);
  });

  it('does not join words across array elements', () => {
    expect(parsed(['Jane', '<jane@x.com>'])).toEqual([plain('jane', 'Jane'), plain('jane@x.com', '<jane@x.com>')]);
  });

  it('gives positions starting at 1', () => {
    expect(parseEmailList('a@x.com b@x.com').map((entry) => entry.position)).toEqual([1, 2]);
  });

  it('turns entries into rows, by position, what was typed kept when it is no address at all', () => {
    expect(parseEmailList('Jane Doe <jane@x.com>, =cmd|calc@x.com').map(rowInputOf)).toEqual([
      { line: 1, email: 'jane@x.com', firstName: 'Jane', lastName: 'Doe' },
      { line: 2, email: '=cmd|calc@x.com', firstName: undefined, lastName: undefined },
    ]);
  });
});
