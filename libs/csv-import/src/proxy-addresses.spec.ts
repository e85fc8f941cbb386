import { primaryAddressOf } from './proxy-addresses';

describe('primaryAddressOf', () => {
  it.each<[string, string, string]>([
    ['the primary SMTP address among aliases, ;-separated (Active Directory)', 'smtp:adele@contoso.onmicrosoft.com;SMTP:adele@contoso.com', 'adele@contoso.com'],
    ['+-separated (Microsoft 365 admin center)', 'smtp:AdeleV@contoso.onmicrosoft.com+SMTP:AdeleV@contoso.com+SIP:adelev@contoso.com', 'AdeleV@contoso.com'],
    ['a + inside an address stays', 'SMTP:adele+news@contoso.com+smtp:adele@contoso.onmicrosoft.com', 'adele+news@contoso.com'],
    ['without an upper-case SMTP, the first smtp', 'X500:/o=Contoso/cn=adele;smtp:adele@contoso.com;smtp:av@contoso.com', 'adele@contoso.com'],
    ['addresses without prefixes', 'adele@contoso.com, av@contoso.com', 'adele@contoso.com'],
    ['spaces and new lines between entries', ' SMTP:adele@contoso.com \n smtp:av@contoso.com ', 'adele@contoso.com'],
    ['no SMTP address at all', 'X500:/o=Contoso/cn=adele;SIP:adele@contoso.com', ''],
    ['empty', '', ''],
  ])('%s', (_, list, expected) => {
    expect(primaryAddressOf(list)).toBe(expected);
  });
});
