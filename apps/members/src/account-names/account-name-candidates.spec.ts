import { validateAccountName } from './account-name';
import { AccountNameSource, accountNameCandidates } from './account-name-candidates';
import { firstAccountNames } from './suggest-account-names';

const first = (source: AccountNameSource, count: number) => firstAccountNames(accountNameCandidates(source), count);

describe('accountNameCandidates', () => {
  it.each<[string, AccountNameSource, string[]]>([
    [
      'a valid user name first, as is but lowercased',
      { userName: 'Jean_Dupont', firstName: 'Jean', lastName: 'Dupont', email: 'jd@a.com' },
      ['jean_dupont', 'jean.dupont', 'jeandupont', 'jdupont', 'dupont.jean'],
    ],
    [
      'an invalid user name cleaned up before the person names',
      { userName: 'Jean Dupont!', firstName: 'Marie', lastName: 'Curie', email: 'mc@a.com' },
      ['jean.dupont', 'marie.curie', 'mariecurie', 'marie_curie', 'mcurie'],
    ],
    [
      'person names in order of preference',
      { firstName: 'Jean', lastName: 'Dupont', email: 'jd@a.com' },
      ['jean.dupont', 'jeandupont', 'jean_dupont', 'jdupont', 'dupont.jean', 'jean-dupont', 'j.dupont', 'dupontjean'],
    ],
    [
      'accents removed',
      { firstName: 'Élodie', lastName: 'Lefèvre', email: 'elodie@x.fr' },
      ['elodie.lefevre', 'elodielefevre', 'elodie_lefevre', 'elefevre', 'lefevre.elodie'],
    ],
    [
      'ß spelled out, umlauts without e',
      { firstName: 'Jürgen', lastName: 'Groß', email: 'jg@x.de' },
      ['jurgen.gross', 'jurgengross', 'jurgen_gross', 'jgross', 'gross.jurgen'],
    ],
    [
      'Nordic letters; short bases padded with digits',
      { firstName: 'Søren', lastName: 'Ærø', email: 'se@x.dk' },
      ['soren.aero', 'sorenaero', 'soren_aero', 'saero1', 'aero.soren'],
    ],
    [
      'compound first names keep their hyphen, initials of each part',
      { firstName: 'François-Xavier', lastName: 'Dupont', email: 'fx@x.fr' },
      ['francois-xavier.dupont', 'francoisxavierdupont', 'francois-xavier_dupont', 'fxdupont'],
    ],
    [
      'apostrophes vanish',
      { firstName: 'Seán', lastName: "O'Brien", email: 'sob@x.ie' },
      ['sean.obrien', 'seanobrien', 'sean_obrien', 'sobrien'],
    ],
    [
      'the email local part, without its +tag, after the names',
      { firstName: 'Élodie', lastName: 'Lefèvre', email: 'e.lefevre+hr@x.fr' },
      ['elodie.lefevre', 'elodielefevre', 'elodie_lefevre', 'elefevre', 'lefevre.elodie', 'elodie-lefevre', 'e.lefevre', 'lefevreelodie', 'elodie.lefevre1'],
    ],
    [
      'the email alone, other characters turned into dots',
      { email: 'Jean.Dupont+x@a.com' },
      ['jean.dupont', 'jean.dupont1', 'jean.dupont2'],
    ],
    ['odd characters in the email', { email: "o'neil#jr..x@a.com" }, ['oneil.jr.x', 'oneil.jr.x1']],
    ['a first name only', { firstName: 'Maximilian', email: 'm@x.de' }, ['maximilian', 'm00001', 'maximilian1']],
    ['short names padded', { firstName: 'Li', lastName: 'Wu', email: 'a@b.co' }, ['li.wu1', 'liwu01', 'li_wu1', 'lwu001', 'wu.li1', 'li-wu1']],
    ['a one-letter email', { email: 'a@b.co' }, ['a00001', 'a00002', 'a00003']],
    ['Cyrillic names fall back to the email', { firstName: 'Владимир', lastName: 'Путин', email: 'vp@x.ru' }, ['vp0001', 'vp0002', 'vp0003']],
    ['Chinese names fall back to the email', { firstName: '王', lastName: '伟', email: 'wang.wei@x.cn' }, ['wang.wei', 'wang.wei1', 'wang.wei2']],
    ['nothing Latin anywhere gives member + digits', { firstName: '王', lastName: '伟', email: '12345@x.com' }, ['member1', 'member2', 'member3']],
    ['a mixed name keeps its Latin part', { firstName: 'Ivan', lastName: 'Иванов', email: '7@x.ru' }, ['ivan01', 'ivan02', 'ivan03']],
    ['a reserved local part gets the domain', { email: 'admin@x.com' }, ['admin.x', 'admin.x1', 'admin.x2']],
    [
      'a reserved user name is skipped',
      { userName: 'support', firstName: 'Jane', lastName: 'Doe', email: 'support@acme.com' },
      ['jane.doe', 'janedoe', 'jane_doe', 'jdoe01', 'doe.jane', 'jane-doe', 'j.doe1', 'doejane', 'support.acme', 'jane.doe1'],
    ],
  ])('%s', (_case, source, expected) => {
    expect(first(source, expected.length)).toEqual(expected);
  });

  it('cuts long names at 32 characters without leaving punctuation at the end', () => {
    const source = {
      firstName: 'Maximilian-Alexander-Konstantin',
      lastName: 'von Hohenzollern-Sigmaringen-Brandenburg',
      email: 'max@x.de',
    };
    expect(first(source, 3)).toEqual([
      'maximilian-alexander-konstantin',
      'maximilianalexanderkonstantinvon',
      'makvonhohenzollernsigmaringenbra',
    ]);
  });

  it('keeps numbered variants of a 32-character base within 32 characters', () => {
    const names = first({ userName: 'a'.repeat(60), email: '42@y.z' }, 12);
    expect(names[0]).toBe('a'.repeat(32));
    expect(names[1]).toBe(`${'a'.repeat(31)}1`);
    expect(names[10]).toBe(`${'a'.repeat(30)}10`);
  });

  it('is deterministic', () => {
    const source = { firstName: 'Jean', lastName: 'Dupont', email: 'jean.dupont@a.com' };
    expect(first(source, 30)).toEqual(first(source, 30));
  });

  const awkwardSources: AccountNameSource[] = [
    { email: '' },
    { email: '@' },
    { email: 'no-at-sign' },
    { email: '...@x.com' },
    { email: 'root@x.com' },
    { email: 'no-reply@x.com' },
    { userName: 'admin', firstName: 'Admin', lastName: 'Istrator', email: 'admin@admin' },
    { userName: 'a.-_.b', firstName: '-', lastName: '.', email: '-@x.com' },
    { userName: '   ', firstName: ' ', lastName: '', email: ' @x.com' },
    { userName: '1234567', email: '99@x.com' },
    { firstName: 'Þórunn', lastName: 'Æðelstan', email: 'thorunn@x.is' },
    { firstName: 'Zoë', lastName: 'Saldaña-Nazario', email: 'zoe+work@x.com' },
    { firstName: '🎉', lastName: '🎉', email: '🎉@x.com' },
    { firstName: 'محمد', lastName: 'علي', email: 'm.ali@x.ae' },
    { firstName: 'x'.repeat(60), lastName: 'y'.repeat(60), email: `${'z'.repeat(64)}@x.com` },
    { firstName: 'A', lastName: 'B', email: 'c@d.e' },
    { userName: 'Test', firstName: 'Test', lastName: 'Test', email: 'test@test.com' },
    { firstName: 'Staff', lastName: 'System', email: 'staff.system@x.com' },
  ];

  it.each(awkwardSources)('yields 60 distinct valid names for %j', (source) => {
    const names = first(source, 60);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    for (const name of names) expect([name, validateAccountName(name)]).toEqual([name, null]);
  });
});
