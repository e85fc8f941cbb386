import { pickPageLocale } from './page-locale';

describe('pickPageLocale', () => {
  it.each<[string | undefined, string | undefined, string]>([
    ['fr', 'en-US,en;q=0.9', 'fr'],
    ['en', 'fr-FR,fr;q=0.9', 'en'],
    ['FR-fr', undefined, 'fr'],
    ['fr_CA', undefined, 'fr'],
    ['de', 'fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['', 'fr', 'fr'],
    [undefined, 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    [undefined, 'en-US,en;q=0.9,fr;q=0.95', 'en'],
    [undefined, 'de-DE, fr;q=0.5, en;q=0.7', 'en'],
    [undefined, 'de-DE, en;q=0.5, fr;q=0.7', 'fr'],
    [undefined, 'fr;q=0.8, en;q=0.8', 'fr'],
    [undefined, 'en;q=0.8, fr;q=0.8', 'en'],
    [undefined, 'fr;q=0, en', 'en'],
    [undefined, 'fr;Q=0.9, en;q=0.4', 'fr'],
    [undefined, 'fr;q=oops, en;q=0.1', 'en'],
    [undefined, 'de, *;q=0.5', 'en'],
    [undefined, 'de', 'en'],
    [undefined, '', 'en'],
    [undefined, undefined, 'en'],
  ])('member %j, Accept-Language %j → %s', (memberLocale, acceptLanguage, expected) => {
    expect(pickPageLocale(memberLocale, acceptLanguage)).toBe(expected);
  });
});
