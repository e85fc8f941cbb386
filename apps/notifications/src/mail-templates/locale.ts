import type { Locale } from '@app/contracts';

/**
 * The first candidate naming a language we write mails in ('fr', 'FR', 'fr-FR', 'en_GB' …),
 * so callers can pass the member's locale, then the organization's, then whatever else they know.
 */
export function resolveLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const candidate of candidates) {
    const language = candidate?.trim().split(/[-_]/)[0].toLowerCase();
    if (language === 'fr' || language === 'en') return language;
  }
  return 'en';
}
