import { readColumnLayout, type ColumnLayout } from './header-columns';

describe('readColumnLayout', () => {
  describe('recognises email headers', () => {
    it.each([
      'Email',
      'E-mail',
      'EMAIL',
      'Email address',
      'E-mail address',
      'E-Mail Address',
      'email_address',
      'Mail',
      'Adresse e-mail',
      'Adresse électronique',
      'ADRESSE ELECTRONIQUE',
      'Adresse mail',
      'Adresse de messagerie',
      'Courriel',
      'Work email',
      'Primary email',
      ' Email ',
      'Email Address [Required]',
      'E-mail (work)',
    ])('%j', (header) => {
      expect(readColumnLayout([header])).toEqual({ kind: 'header', columns: { email: 0 }, ignoredColumns: [] });
    });
  });

  describe('recognises the other member fields', () => {
    it.each<[string, 'userName' | 'firstName' | 'lastName']>([
      ['User name', 'userName'],
      ['Username', 'userName'],
      ['user_name', 'userName'],
      ['Login', 'userName'],
      ["Nom d'utilisateur", 'userName'],
      ['Nom d’utilisateur', 'userName'],
      ['Identifiant', 'userName'],
      ['User', 'userName'],
      ['sAMAccountName', 'userName'],
      ['First name', 'firstName'],
      ['Given name', 'firstName'],
      ['givenName', 'firstName'],
      ['Firstname', 'firstName'],
      ['Prénom', 'firstName'],
      ['PRENOM', 'firstName'],
      ['First Name [Required]', 'firstName'],
      ['Last name', 'lastName'],
      ['Surname', 'lastName'],
      ['Family name', 'lastName'],
      ['Lastname', 'lastName'],
      ['Nom', 'lastName'],
      ['Nom de famille', 'lastName'],
      ['sn', 'lastName'],
    ])('%j as %s', (header, field) => {
      expect(readColumnLayout(['Email', header])).toEqual({
        kind: 'header',
        columns: { email: 0, [field]: 1 },
        ignoredColumns: [],
      });
    });
  });

  it.each<[string, string[], ColumnLayout]>([
    [
      'French Excel export',
      ['Adresse e-mail', "Nom d'utilisateur", 'Prénom', 'Nom'],
      { kind: 'header', columns: { email: 0, userName: 1, firstName: 2, lastName: 3 }, ignoredColumns: [] },
    ],
    [
      'unknown columns are ignored, each header text once, blanks not listed',
      ['First name', 'Department', 'Email', 'Phone', 'Department', '', 'Last name'],
      { kind: 'header', columns: { email: 2, firstName: 0, lastName: 6 }, ignoredColumns: ['Department', 'Phone'] },
    ],
    [
      'a second column for the same field is ignored',
      ['Email', 'Work email', 'Login', 'Username'],
      { kind: 'header', columns: { email: 0, userName: 2 }, ignoredColumns: ['Work email', 'Username'] },
    ],
    [
      'a name containing a header word is not that header',
      ['Email', 'Manager email'],
      { kind: 'header', columns: { email: 0 }, ignoredColumns: ['Manager email'] },
    ],
    ['header without an email column', ['Username', 'First name', 'Last name'], { kind: 'missing_email_column', hasHeader: true }],
    ['no header: email then user name', ['ada@example.com', 'ada_lovelace'], { kind: 'no_header', columns: { email: 0, userName: 1 } }],
    ['no header: emails only', ['ada@example.com'], { kind: 'no_header', columns: { email: 0 } }],
    [
      'a recognised header word beside an email address is data, not a header',
      ['ada@example.com', 'Login'],
      { kind: 'no_header', columns: { email: 0, userName: 1 } },
    ],
    ['no header and the first column is not an email', ['Ada', 'ada@example.com'], { kind: 'missing_email_column', hasHeader: false }],
    ['unknown header names only', ['Courriel pro', 'Nom complet'], { kind: 'missing_email_column', hasHeader: false }],
  ])('%s', (_, firstRow, expected) => {
    expect(readColumnLayout(firstRow)).toEqual(expected);
  });
});
