import { resolveLocale } from './locale';

describe('resolveLocale', () => {
  it.each<[(string | undefined | null)[], string]>([
    [['fr'], 'fr'],
    [['en'], 'en'],
    [['FR'], 'fr'],
    [['fr-FR'], 'fr'],
    [['fr_CA'], 'fr'],
    [['en-GB'], 'en'],
    [[' En-us '], 'en'],
    [['de', 'fr'], 'fr'],
    [[undefined, null, '', 'fr-BE'], 'fr'],
    [['en', 'fr'], 'en'],
    [['french'], 'en'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ])('resolveLocale(%j) is %s', (candidates, expected) => {
    expect(resolveLocale(...candidates)).toBe(expected);
  });
});
