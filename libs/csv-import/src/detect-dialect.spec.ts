import { detectDialect, type CsvDialect } from './detect-dialect';

describe('detectDialect', () => {
  it.each<[string, string, CsvDialect]>([
    ['comma, LF', 'email,username\nada@example.com,ada\ngrace@example.com,grace\n', { delimiter: ',', lineEnding: '\n' }],
    ['semicolon, CRLF', 'Email;Prénom;Nom\r\na@example.fr;Hélène;Dupont\r\n', { delimiter: ';', lineEnding: '\r\n' }],
    ['tab', 'E-mail address\tUser name\r\na@example.com\ta\r\n', { delimiter: '\t', lineEnding: '\r\n' }],
    ['old Mac CR', 'email;username\ra@example.com;a\r', { delimiter: ';', lineEnding: '\r' }],
    [
      'semicolon file with commas in values',
      'Email;Nom\r\na@example.fr;Dupont, Jean\r\nb@example.fr;Martin\r\nc@example.fr;Petit, Luc\r\n',
      { delimiter: ';', lineEnding: '\r\n' },
    ],
    [
      'comma file with a semicolon inside a quoted value',
      'email,notes\na@example.com,"one; two; three"\nb@example.com,none\nc@example.com,"x;y"\n',
      { delimiter: ',', lineEnding: '\n' },
    ],
    [
      'semicolon file with a quoted value spanning lines and holding commas',
      'email;notes\na@example.fr;"ligne 1,\nligne 2, 3"\nb@example.fr;rien\n',
      { delimiter: ';', lineEnding: '\n' },
    ],
    [
      'a line break inside the first quoted value is not the line ending',
      'email;"note\r\nlongue"\na@example.fr;x\n',
      { delimiter: ';', lineEnding: '\n' },
    ],
    ['escaped quotes inside a quoted value', 'email,name\na@example.com,"O""Brien, ""Pat"""\n', { delimiter: ',', lineEnding: '\n' }],
    ['spaces before an opening quote', 'email; name\na@example.fr; "Dupont, Jean"\n', { delimiter: ';', lineEnding: '\n' }],
    [
      'blank lines and delimiter-only lines do not vote',
      'email;username\n\n;;;;\na@example.fr;a\n ; \nb@example.fr;b\n',
      { delimiter: ';', lineEnding: '\n' },
    ],
    [
      'semicolon and comma both consistent: semicolon is more likely the delimiter',
      'email;name\na@example.fr;Dupont, Jean\nb@example.fr;Martin, Luc\n',
      { delimiter: ';', lineEnding: '\n' },
    ],
    [
      'an occasional extra field still beats an irregular candidate',
      'email,username,notes\na@example.com,a,x\nb@example.com,b,"y"\nc@example.com,c,z,extra\nd@example.com;d,w\n',
      { delimiter: ',', lineEnding: '\n' },
    ],
    ['single column', 'email\na@example.com\nb@example.com\n', { delimiter: ',', lineEnding: '\n' }],
    ['one line without line break', 'a@example.com;alice', { delimiter: ';', lineEnding: '\n' }],
    ['empty text', '', { delimiter: ',', lineEnding: '\n' }],
  ])('%s', (_, text, expected) => {
    expect(detectDialect(text)).toEqual(expected);
  });
});
