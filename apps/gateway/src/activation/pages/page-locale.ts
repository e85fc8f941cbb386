import { DEFAULT_LOCALE, type Locale } from '@app/contracts';

export type { Locale };

/**
 * The member's own locale wins; a visitor without one (or with one we do not write) gets the
 * best French or English entry of the browser's Accept-Language, and English failing that.
 */
export function pickPageLocale(memberLocale: string | undefined, acceptLanguage: string | undefined): Locale {
  return supportedLocale(memberLocale) ?? preferredLocale(acceptLanguage ?? '') ?? DEFAULT_LOCALE;
}

function supportedLocale(tag: string | undefined): Locale | undefined {
  const language = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return language === 'fr' || language === 'en' ? language : undefined;
}

/** `fr-CH, en;q=0.8, *;q=0.1`: highest q first, header order between equals, q=0 meaning "not this". */
function preferredLocale(acceptLanguage: string): Locale | undefined {
  const ranges = acceptLanguage.split(',').map((range) => {
    const [tag, ...parameters] = range.split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => /^q=/i.test(parameter));
    return { locale: supportedLocale(tag), quality: q === undefined ? 1 : Number(q.slice(2)) };
  });
  const acceptable = ranges.filter((range) => range.locale !== undefined && range.quality > 0);
  return acceptable.sort((a, b) => b.quality - a.quality)[0]?.locale;
}
