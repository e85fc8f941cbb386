import type { Locale } from '@app/contracts';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Made once per language: making an Intl formatter costs more than a whole mail's other work. */
function perLocale<T>(make: (intlLocale: string) => T): Record<Locale, T> {
  return { fr: make(INTL_LOCALE.fr), en: make(INTL_LOCALE.en) };
}

/**
 * The member's time zone is unknown when the mail is written, so the time is given in UTC and
 * says so, rather than in the server's zone which would be wrong for most readers.
 */
const DATE_TIME = perLocale(
  (intlLocale) =>
    new Intl.DateTimeFormat(intlLocale, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
);
const NUMBER = perLocale((intlLocale) => new Intl.NumberFormat(intlLocale));
const PLURAL = perLocale((intlLocale) => new Intl.PluralRules(intlLocale));

export function formatDateTime(date: Date, locale: Locale): string {
  return DATE_TIME[locale].format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return NUMBER[locale].format(value);
}

/** "1 day", "12 days"; French counts 0 as singular ("0 compte créé"), English does not. */
export function formatCount(count: number, one: string, other: string, locale: Locale): string {
  const noun = PLURAL[locale].select(count) === 'one' ? one : other;
  return `${formatNumber(count, locale)} ${noun}`;
}
