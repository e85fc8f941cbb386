import { directoryRowOf } from './directory-row';
import { readColumnLayout } from './header-columns';

/** The row the second record makes under the first as header. */
function rowOf(header: string[], cells: string[]) {
  const layout = readColumnLayout([header, cells]);
  if (layout.kind !== 'header') throw new Error(`no header: ${layout.kind}`);
  return directoryRowOf(2, cells, layout.columns, header);
}

describe('directoryRowOf', () => {
  const m365 = ['Block credential', 'Display name', 'First name', 'Last name', 'Proxy addresses', 'User principal name'];

  it('takes the primary SMTP address of the proxy addresses, first and last name from their columns', () => {
    expect(rowOf(m365, ['False', 'Adèle Vance', 'Adèle', 'Vance', 'smtp:av@contoso.onmicrosoft.com+SMTP:adele.vance@contoso.com', 'av@contoso.onmicrosoft.com'])).toEqual({
      line: 2,
      email: 'adele.vance@contoso.com',
      firstName: 'Adèle',
      lastName: 'Vance',
      cells: ['False', 'Adèle Vance', 'Adèle', 'Vance', 'smtp:av@contoso.onmicrosoft.com+SMTP:adele.vance@contoso.com', 'av@contoso.onmicrosoft.com'],
    });
  });

  it('falls back to the sign-in name where the row has no proxy address, and says which column it used', () => {
    expect(rowOf(m365, ['False', 'Vance, Adèle', '', '', '', 'adele@contoso.com'])).toMatchObject({
      email: 'adele@contoso.com',
      emailFromColumn: 'User principal name',
      firstName: 'Adèle',
      lastName: 'Vance',
      namesFromDisplayName: 'Vance, Adèle',
    });
  });

  it('says which column disabled the account, and with what value', () => {
    expect(rowOf(m365, ['True', 'Adèle Vance', 'Adèle', 'Vance', 'SMTP:adele@contoso.com', ''])).toMatchObject({
      disabledInDirectory: { column: 'Block credential', value: 'True' },
    });
  });

  it('keeps the names of their columns over the display name, even one alone', () => {
    const row = rowOf(m365, ['False', 'Adèle Vance', '', 'Vance', 'SMTP:adele@contoso.com', '']);
    expect(row).toMatchObject({ lastName: 'Vance' });
    expect(row.firstName).toBeUndefined();
    expect(row.namesFromDisplayName).toBeUndefined();
  });

  it('gives no user name from a user name column holding sign-in addresses', () => {
    const row = rowOf(['Username', 'Primary email', 'Status'], ['adele.vance@contoso.com', 'adele@contoso.com', 'DEPROVISIONED']);
    expect(row).toEqual({
      line: 2,
      email: 'adele@contoso.com',
      disabledInDirectory: { column: 'Status', value: 'DEPROVISIONED' },
      cells: ['adele.vance@contoso.com', 'adele@contoso.com', 'DEPROVISIONED'],
    });
  });

  it('leaves the address empty when no column has one', () => {
    expect(rowOf(m365, ['False', 'Room 12', '', '', 'X500:/o=Contoso', '']).email).toBe('');
  });
});
