import type { Locale } from '@app/contracts';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * The member's time zone is unknown when the mail is written, so the time is given in UTC and
 * says so, rather than in the server's zone which would be wrong for most readers.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/** "1 day", "12 days"; French counts 0 as singular ("0 compte créé"), English does not. */
export function formatCount(count: number, one: string, other: string, locale: Locale): string {
  const noun = new Intl.PluralRules(INTL_LOCALE[locale]).select(count) === 'one' ? one : other;
  return `${formatNumber(count, locale)} ${noun}`;
}
