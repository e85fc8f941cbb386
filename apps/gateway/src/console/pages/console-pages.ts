import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@app/contracts';
import { consoleMessage, isConsoleMessageKey } from './console-messages';

const TEMPLATES_DIR = join(__dirname, 'templates');
const PARTIALS_DIR = join(TEMPLATES_DIR, 'partials');

export const CONSOLE_PAGES = ['sign-in', 'members', 'member', 'add-members', 'batches', 'progress', 'review', 'result', 'invitations', 'activity', 'error'] as const;
export type ConsolePageName = (typeof CONSOLE_PAGES)[number];

/** What the layout shows around every page: the navigation only once signed in. */
export interface ConsoleFrame {
  locale: Locale;
  title: string;
  /** The current address, for the language switch to come back to. */
  path: string;
  /** Present once signed in: the sign-out form needs it. */
  csrfToken?: string;
  /** Which navigation entry is the current page. */
  section?: 'members' | 'add' | 'batches' | 'invitations' | 'activity';
  /** A page that follows a job reloads itself this often when scripts are off. */
  refreshSeconds?: number;
}

/**
 * The console's server-rendered pages: one template per page in both languages (sentences come
 * from console-messages.ts through the `t` helper), strict so that a misspelt field fails loudly.
 */
@Injectable()
export class ConsolePages {
  private readonly templates: Record<ConsolePageName, Handlebars.TemplateDelegate>;

  constructor() {
    const handlebars = Handlebars.create();
    registerHelpers(handlebars);
    for (const file of readdirSync(PARTIALS_DIR).filter((name) => name.endsWith('.hbs'))) {
      handlebars.registerPartial(file.slice(0, -'.hbs'.length), compile(handlebars, join(PARTIALS_DIR, file)));
    }
    this.templates = Object.fromEntries(CONSOLE_PAGES.map((page) => [page, compile(handlebars, join(TEMPLATES_DIR, `${page}.hbs`))])) as Record<
      ConsolePageName,
      Handlebars.TemplateDelegate
    >;
  }

  render(page: ConsolePageName, frame: ConsoleFrame, context: object): string {
    const switchTo: Locale = frame.locale === 'fr' ? 'en' : 'fr';
    const layout = {
      ...frame,
      signedIn: frame.csrfToken !== undefined,
      csrfToken: frame.csrfToken ?? '',
      section: frame.section ?? '',
      refreshSeconds: frame.refreshSeconds ?? 0,
      languageHref: `/console/language/${switchTo}?back=${encodeURIComponent(frame.path)}`,
      switchTo,
    };
    return this.templates[page]({ ...context, layout }, { data: { locale: frame.locale } });
  }
}

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  handlebars.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  // {{t "key" name=value}}: the sentence in the page's language.
  handlebars.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    if (typeof key !== 'string' || !isConsoleMessageKey(key)) throw new Error(`unknown console message ${String(key)}`);
    return consoleMessage(options.data.locale as Locale, key, options.hash as Record<string, unknown>);
  });
  handlebars.registerHelper('number', (value: unknown, options: Handlebars.HelperOptions) =>
    typeof value === 'number' ? value.toLocaleString(localeTag(options.data.locale as Locale)) : '',
  );
  handlebars.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => {
    if (typeof value !== 'string') return '';
    const format = new Intl.DateTimeFormat(localeTag(options.data.locale as Locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    return `${format.format(new Date(value))} UTC`;
  });
}

function localeTag(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

function compile(handlebars: typeof Handlebars, path: string): Handlebars.TemplateDelegate {
  return handlebars.compile(handlebars.parse(readFileSync(path, 'utf8')), { strict: true });
}
