import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE } from '@app/contracts';
import type { Locale } from './page-locale';

export { type Locale, pickPageLocale } from './page-locale';

export type ActivateFormField = 'firstName' | 'lastName' | 'password' | 'passwordConfirmation' | 'form';

export interface ActivateFormError {
  field: ActivateFormField;
  message: string;
}

export interface ActivateFormPage {
  token: string;
  csrfToken: string;
  accountName: string;
  organizationName: string;
  firstName?: string;
  lastName?: string;
  errors?: ActivateFormError[];
}

interface ActivateSuccessPage {
  accountName: string;
  email: string;
}

export interface LinkInvalidPage {
  reason: 'used' | 'expired' | 'unknown';
}

/** Shown when the members service cannot be reached: nothing to say about the account. */
type UnavailablePage = Record<string, never>;

interface PageContext {
  'activate-form': ActivateFormPage;
  'activate-success': ActivateSuccessPage;
  'link-invalid': LinkInvalidPage;
  unavailable: UnavailablePage;
}

type PageName = keyof PageContext;

const TEMPLATES_DIR = join(__dirname, 'templates');
const PARTIALS_DIR = join(TEMPLATES_DIR, 'partials');
/** CSS lives in a partial so the build copies it with the templates (it copies `*.hbs` only). */
const STYLE_PARTIAL = 'page-style.hbs';

/**
 * Each view names the fields its page may show, so nothing else in a context (a password left in
 * a reused request body, say) can ever reach the HTML.
 */
const VIEWS: { [P in PageName]: (context: PageContext[P]) => object } = {
  'activate-form': (context) => {
    const errors = context.errors ?? [];
    const messagesFor = (field: ActivateFormField) =>
      errors.filter((error) => error.field === field).map((error) => error.message);
    const fieldErrors = {
      firstName: messagesFor('firstName'),
      lastName: messagesFor('lastName'),
      password: messagesFor('password'),
      passwordConfirmation: messagesFor('passwordConfirmation'),
    };
    // The error summary lists them in the order of the form, each a link to its field.
    const summaryErrors = Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
    return {
      token: context.token,
      csrfToken: context.csrfToken,
      accountName: context.accountName,
      organizationName: context.organizationName,
      firstName: context.firstName ?? '',
      lastName: context.lastName ?? '',
      hasErrors: errors.length > 0,
      hasFieldErrors: summaryErrors.length > 0,
      summaryErrors,
      formErrors: messagesFor('form'),
      fieldErrors,
    };
  },
  'activate-success': (context) => ({ accountName: context.accountName, email: context.email }),
  'link-invalid': (context) => ({ reason: context.reason }),
  unavailable: () => ({}),
};

@Injectable()
export class ActivationPages {
  /**
   * The policy these pages are written for: no script, no external asset, one inline style block
   * allowed by its hash, a form that posts back to this origin. Send it with every page.
   */
  readonly contentSecurityPolicy: string;

  private readonly pages: Record<Locale, Record<PageName, Handlebars.TemplateDelegate>>;

  constructor() {
    const environment = Handlebars.create();
    environment.registerHelper('eq', (left: unknown, right: unknown) => left === right);
    for (const file of readdirSync(PARTIALS_DIR).filter((name) => name.endsWith('.hbs'))) {
      environment.registerPartial(file.slice(0, -'.hbs'.length), compile(environment, join(PARTIALS_DIR, file)));
    }
    const compilePages = (locale: Locale): Record<PageName, Handlebars.TemplateDelegate> => ({
      'activate-form': compile(environment, join(TEMPLATES_DIR, locale, 'activate-form.hbs')),
      'activate-success': compile(environment, join(TEMPLATES_DIR, locale, 'activate-success.hbs')),
      'link-invalid': compile(environment, join(TEMPLATES_DIR, locale, 'link-invalid.hbs')),
      unavailable: compile(environment, join(TEMPLATES_DIR, locale, 'unavailable.hbs')),
    });
    this.pages = { fr: compilePages('fr'), en: compilePages('en') };

    const style = readFileSync(join(PARTIALS_DIR, STYLE_PARTIAL), 'utf8');
    const styleHash = createHash('sha256').update(style).digest('base64');
    this.contentSecurityPolicy = [
      "default-src 'none'",
      `style-src 'sha256-${styleHash}'`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; ');
  }

  render<P extends PageName>(page: P, locale: Locale, context: PageContext[P]): string {
    const language: Locale = locale === 'fr' ? 'fr' : DEFAULT_LOCALE;
    return this.pages[language][page](VIEWS[page](context), { data: { locale: language } });
  }
}

/**
 * Parsing here makes a broken template fail at boot instead of on the first visit; Handlebars
 * then generates the code once, on first use. Strict mode turns a misspelt field into an error
 * rather than a silent gap in a page.
 */
function compile(environment: typeof Handlebars, path: string): Handlebars.TemplateDelegate {
  return environment.compile(environment.parse(readFileSync(path, 'utf8')), { strict: true });
}
