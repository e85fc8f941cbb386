import { isReservedAccountName } from './reserved-account-names';

describe('isReservedAccountName', () => {
  it.each(['admin', 'ADMIN', 'Admin.2', 'a.d.m.i.n.1', 'administrator', 'no-reply', 'No_Reply', 'noreply42', 'www', 'w.w.w-1', 'api', '1api', 'undefined', 'webmaster_'])(
    'reserves %s',
    (name) => {
      expect(isReservedAccountName(name)).toBe(true);
    },
  );

  it.each(['', '123', '._-', 'admins', 'administrators', 'jean.dupont', 'adminx', 'xadmin', 'ap', 'apix', 'root.beer', 'mails', 'äpi', 'admin ', 'ádmin', 'ﬁnn'])(
    'does not reserve %j',
    (name) => {
      expect(isReservedAccountName(name)).toBe(false);
    },
  );

  it('lowercases what it compares, letters outside ASCII included', () => {
    // "İ" lowercases to "i" and a combining dot: the skeleton is not "info".
    expect(isReservedAccountName('İNFO')).toBe(false);
    expect(isReservedAccountName('INFO')).toBe(true);
  });
});
