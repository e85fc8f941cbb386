import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@app/contracts';
import { pageTexts } from './account-page-texts';

const TEMPLATES_DIR = join(__dirname, 'templates');
/** The activation pages' layout, style and fields: these pages look and are protected the same. */
const SHARED_PARTIALS_DIR = join(__dirname, '..', 'activation', 'pages', 'templates', 'partials');
const STYLE_PARTIAL = 'page-style.hbs';

export const ACCOUNT_PAGES = ['signup-form', 'signup-sent', 'verify-form', 'verify-done', 'link-invalid', 'signin-form', 'password-change-form', 'signed-in', 'invitation', 'invitation-missing', 'unavailable'] as const;
export type AccountPage = (typeof ACCOUNT_PAGES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** What a page may show; each page reads only the fields its template names. */
export interface AccountPageContext {
  csrfToken?: string;
  values?: Record<string, string>;
  errors?: FieldError[];
  /** Errors about the whole form rather than one field. */
  formErrors?: string[];
  suggestions?: string[];
  notice?: string | null;
  [key: string]: unknown;
}

/**
 * The sign-up, address verification and member sign-in pages, in French and English: one
 * template each, its sentences from `account-page-texts`. A field's errors sit next to it and
 * in a summary at the top, in the order of the form.
 */
@Injectable()
export class AccountPages {
  /** Only this origin's forms, the one inline style block by its hash, no script, no framing. */
  readonly contentSecurityPolicy: string;

  private readonly templates: Record<AccountPage, Handlebars.TemplateDelegate>;

  constructor() {
    const environment = Handlebars.create();
    environment.registerHelper('eq', (left: unknown, right: unknown) => left === right);
    for (const dir of [SHARED_PARTIALS_DIR, join(TEMPLATES_DIR, 'partials')]) {
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.hbs'))) {
        environment.registerPartial(file.slice(0, -'.hbs'.length), compile(environment, join(dir, file)));
      }
    }
    this.templates = Object.fromEntries(ACCOUNT_PAGES.map((page) => [page, compile(environment, join(TEMPLATES_DIR, `${page}.hbs`))])) as Record<AccountPage, Handlebars.TemplateDelegate>;
    const styleHash = createHash('sha256').update(readFileSync(join(SHARED_PARTIALS_DIR, STYLE_PARTIAL), 'utf8')).digest('base64');
    this.contentSecurityPolicy = ["default-src 'none'", `style-src 'sha256-${styleHash}'`, "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
  }

  render(page: AccountPage, locale: Locale, context: AccountPageContext = {}): string {
    return this.templates[page](view(locale, context), { data: { locale } });
  }
}

function view(locale: Locale, context: AccountPageContext): object {
  const errors = context.errors ?? [];
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) (fieldErrors[error.field] ??= []).push(error.message);
  const formErrors = context.formErrors ?? [];
  return {
    csrfToken: '',
    notice: null,
    ...context,
    t: pageTexts(locale),
    values: context.values ?? {},
    suggestions: context.suggestions ?? [],
    fieldErrors,
    summaryErrors: errors,
    formErrors,
    hasErrors: errors.length > 0 || formErrors.length > 0,
    retypePassword: errors.length > 0,
  };
}

/**
 * Not strict, unlike the activation pages: a form's values, errors and suggestions are there only
 * once it was posted, and every view is built by `view` above, never from a request.
 */
function compile(environment: typeof Handlebars, path: string): Handlebars.TemplateDelegate {
  return environment.compile(environment.parse(readFileSync(path, 'utf8')));
}
