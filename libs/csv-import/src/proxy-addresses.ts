// Entries are separated by `;` (Active Directory, csvde), `,`, spaces, `|`, or by `+` before the next
// entry's prefix (the Microsoft 365 admin center's export); a `+` inside an address stays.
const ENTRY_SEPARATOR = /[;,\s|]+|\+(?=[A-Za-z][A-Za-z0-9]*:)/;
const PREFIXED = /^([A-Za-z][A-Za-z0-9]*):(.*)$/;

/**
 * The primary address of a proxy-address list (`SMTP:adele@contoso.com;smtp:adele@contoso.onmicrosoft.com`):
 * the `SMTP:` one, upper case by convention; else the first `smtp:` one; else the first entry
 * without a prefix. Empty when the list holds none (only `X500:` or `SIP:` entries).
 */
export function primaryAddressOf(list: string): string {
  const entries = list.split(ENTRY_SEPARATOR).filter((entry) => entry !== '');
  const addresses = entries.map((entry) => {
    const prefixed = PREFIXED.exec(entry);
    return prefixed ? { prefix: prefixed[1], address: prefixed[2] } : { prefix: '', address: entry };
  });
  const primary =
    addresses.find(({ prefix }) => prefix === 'SMTP') ??
    addresses.find(({ prefix }) => prefix.toLowerCase() === 'smtp') ??
    addresses.find(({ prefix, address }) => prefix === '' && address.includes('@'));
  return primary?.address.trim() ?? '';
}
