import { readColumnLayout, type ColumnLayout, type MemberColumns } from './header-columns';

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
      expect(readColumnLayout([[header]])).toEqual({ kind: 'header', headerRecord: 0, columns: { email: 0 }, ignoredColumns: [] });
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
      expect(readColumnLayout([['Email', header]])).toEqual({
        kind: 'header',
        headerRecord: 0,
        columns: { email: 0, [field]: 1 },
        ignoredColumns: [],
      });
    });
  });

  it.each<[string, string[], ColumnLayout | { kind: 'header'; columns: MemberColumns; ignoredColumns: string[] }]>([
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
    ['unknown header names only', ['Courriel pro', 'Numéro'], { kind: 'missing_email_column', hasHeader: false }],
    ['a display name without any address column', ['Courriel pro', 'Nom complet'], { kind: 'missing_email_column', hasHeader: true }],
  ])('%s', (_, firstRow, expected) => {
    expect(readColumnLayout([firstRow])).toEqual(expected.kind === 'header' ? { headerRecord: 0, ...expected } : expected);
  });
});

describe('readColumnLayout: directory exports', () => {
  it.each<[string, string[][], ColumnLayout]>([
    [
      'Microsoft 365 admin center: no mail column, the proxy addresses before the user principal name',
      [
        ['Block credential', 'Display name', 'First name', 'Last name', 'Proxy addresses', 'Soft deletion time stamp', 'User principal name'],
        ['False', 'Adèle Vance', 'Adèle', 'Vance', 'SMTP:adele@contoso.com', '', 'adele@contoso.onmicrosoft.com'],
      ],
      {
        kind: 'header',
        headerRecord: 0,
        columns: {
          email: 4,
          emailSources: [
            { column: 4, kind: 'proxyAddresses' },
            { column: 6, kind: 'signInName' },
          ],
          firstName: 2,
          lastName: 3,
          displayName: 1,
          accountStates: [
            { column: 0, kind: 'blocked' },
            { column: 5, kind: 'deleted' },
          ],
        },
        ignoredColumns: [],
      },
    ],
    [
      'Entra ID: mail before the user principal name, accountEnabled',
      [
        ['userPrincipalName', 'displayName', 'surname', 'mail', 'givenName', 'objectId', 'accountEnabled'],
        ['adele@contoso.com', 'Adèle Vance', 'Vance', 'adele@contoso.com', 'Adèle', '1c2d', 'True'],
      ],
      {
        kind: 'header',
        headerRecord: 0,
        columns: {
          email: 3,
          emailSources: [
            { column: 3, kind: 'email' },
            { column: 0, kind: 'signInName' },
          ],
          firstName: 4,
          lastName: 2,
          displayName: 1,
          accountStates: [{ column: 6, kind: 'enabled' }],
        },
        ignoredColumns: ['objectId'],
      },
    ],
    [
      'Windows PowerShell: the #TYPE line before the header',
      [
        ['#TYPE Microsoft.ActiveDirectory.Management.ADUser'],
        ['DistinguishedName', 'Enabled', 'GivenName', 'mail', 'Name', 'SamAccountName', 'sn'],
        ['CN=Adele Vance,OU=Staff,DC=contoso,DC=com', 'True', 'Ad?le', 'adele@contoso.com', 'Ad?le Vance', 'avance', 'Vance'],
      ],
      {
        kind: 'header',
        headerRecord: 1,
        columns: { email: 3, userName: 5, firstName: 2, lastName: 6, displayName: 4, accountStates: [{ column: 1, kind: 'enabled' }] },
        ignoredColumns: ['DistinguishedName'],
      },
    ],
    [
      'Okta: the username counts as an address only when it holds addresses, after the primary email',
      [
        ['Username', 'First name', 'Last name', 'Primary email', 'Status'],
        ['adele.vance@contoso.com', 'Adèle', 'Vance', 'adele@contoso.com', 'ACTIVE'],
      ],
      {
        kind: 'header',
        headerRecord: 0,
        columns: {
          email: 3,
          emailSources: [
            { column: 3, kind: 'email' },
            { column: 0, kind: 'userName' },
          ],
          userName: 0,
          firstName: 1,
          lastName: 2,
          accountStates: [{ column: 4, kind: 'status' }],
        },
        ignoredColumns: [],
      },
    ],
    [
      "Okta's User Accounts report: its own names for the username, the full name and the status",
      [
        ['Okta username', 'Primary Email', 'User fullname', 'Okta user status', 'Status change date'],
        ['adele.vance@contoso.com', 'adele@contoso.com', 'Adèle Vance', 'DEPROVISIONED', '2026-01-05'],
      ],
      {
        kind: 'header',
        headerRecord: 0,
        columns: {
          email: 1,
          emailSources: [
            { column: 1, kind: 'email' },
            { column: 0, kind: 'userName' },
          ],
          userName: 0,
          displayName: 2,
          accountStates: [{ column: 3, kind: 'status' }],
        },
        ignoredColumns: ['Status change date'],
      },
    ],
    [
      'a user name column of names is no address column',
      [
        ['Username', 'First name'],
        ['avance', 'Adèle'],
      ],
      { kind: 'missing_email_column', hasHeader: true },
    ],
    [
      'a title above the header of a worksheet',
      [['Staff directory, exported 2026-01-05'], ['Email', 'Name'], ['adele@contoso.com', 'Adèle Vance']],
      { kind: 'header', headerRecord: 1, columns: { email: 0, displayName: 1 }, ignoredColumns: [] },
    ],
    [
      'addresses below a line that names nothing are not members without a header',
      [['Staff'], ['adele@contoso.com']],
      { kind: 'missing_email_column', hasHeader: false },
    ],
  ])('%s', (_, records, expected) => {
    expect(readColumnLayout(records)).toEqual(expected);
  });
});
