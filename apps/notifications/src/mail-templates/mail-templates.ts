import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@app/contracts';
import { resolveLocale } from './locale';
import { formatCount, formatDateTime, formatNumber } from './locale-formatters';

export { resolveLocale } from './locale';

export interface AccountCreatedMail {
  organizationName: string;
  accountName: string;
  firstName?: string | null;
  activationUrl: string;
  expiresAt: Date;
  /** Only whether one was set: the password itself never reaches a mail. */
  passwordSetByAdmin: boolean;
}

export interface BatchSummaryMail {
  organizationName: string;
  adminName?: string | null;
  created: number;
  /** Personal accounts invited instead of created. */
  invited: number;
  skipped: number;
  failed: number;
  total: number;
  source: 'csv' | 'emails';
  /** Name of the uploaded file, shown when the source is 'csv'. */
  fileName?: string | null;
  batchUrl: string;
}

/** The link that verifies a personal account's address; the account has no organization. */
export interface VerifyEmailMail {
  accountName: string;
  firstName: string | null;
  verificationUrl: string;
  expiresAt: Date;
}

/** To an address that tried to sign up while an account already has it. */
export interface AccountExistsMail {
  accountName: string;
  firstName: string | null;
  signInUrl: string;
  businessAccount: boolean;
}

/**
 * An organization invites a personal account. The link names the invitation only: answering it
 * needs the person to sign in as the invited account, so the mail carries no secret.
 */
export interface InvitationMail {
  organizationName: string;
  accountName: string;
  firstName: string | null;
  /** The address the organization's admins will see once the person accepts. */
  email: string;
  invitationUrl: string;
  expiresAt: Date;
}

interface MailContext {
  'account-created': AccountCreatedMail;
  'batch-summary': BatchSummaryMail;
  'verify-email': VerifyEmailMail;
  'account-exists': AccountExistsMail;
  invitation: InvitationMail;
}

type MailName = keyof MailContext;

interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

interface CompiledMail {
  subject: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

type Part = 'html' | 'text';

const TEMPLATES_DIR = join(__dirname, 'templates');
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What each template sees: the context plus the values worked out for it. */
const VIEWS: { [K in MailName]: (context: MailContext[K]) => object } = {
  'account-created': (context) => ({
    ...context,
    // Counted when the mail is written, so a mail sent late states what is left, never less than a day.
    validForDays: Math.max(1, Math.round((context.expiresAt.getTime() - Date.now()) / DAY_MS)),
  }),
  'batch-summary': (context) => ({ ...context, fromCsvFile: context.source === 'csv' }),
  // No organization: the footer then names none.
  'verify-email': (context) => ({
    ...context,
    organizationName: null,
    validForHours: Math.max(1, Math.round((context.expiresAt.getTime() - Date.now()) / HOUR_MS)),
  }),
  'account-exists': (context) => ({ ...context, organizationName: null }),
  invitation: (context) => context,
};

@Injectable()
export class MailTemplates {
  private readonly mails: Record<Locale, Record<MailName, CompiledMail>> = {
    fr: compileMails('fr'),
    en: compileMails('en'),
  };

  render<K extends MailName>(name: K, locale: Locale, context: MailContext[K]): RenderedMail {
    const language = resolveLocale(locale);
    const mail = this.mails[language][name];
    const view = VIEWS[name](context);
    const options = { data: { locale: language } };
    return {
      // A subject is one header line whatever the data holds.
      subject: mail.subject(view, options).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
      html: mail.html(view, options),
      text: mail.text(view, options),
    };
  }
}

function compileMails(locale: Locale): Record<MailName, CompiledMail> {
  const html = createEnvironment(locale, 'html');
  const text = createEnvironment(locale, 'text');
  const compileMail = (name: MailName): CompiledMail => ({
    subject: compile(text, join(TEMPLATES_DIR, locale, `${name}.subject.hbs`), 'text'),
    html: compile(html, join(TEMPLATES_DIR, locale, `${name}.html.hbs`), 'html'),
    text: compile(text, join(TEMPLATES_DIR, locale, `${name}.text.hbs`), 'text'),
  });
  return {
    'account-created': compileMail('account-created'),
    'batch-summary': compileMail('batch-summary'),
    'verify-email': compileMail('verify-email'),
    'account-exists': compileMail('account-exists'),
    invitation: compileMail('invitation'),
  };
}

/**
 * One environment per locale and part, so a template's `{{> layout}}` or `{{> footer}}` finds the
 * partial in its own language and format without naming either.
 */
function createEnvironment(locale: Locale, part: Part): typeof Handlebars {
  const environment = Handlebars.create();
  environment.registerHelper('formatDate', (date: Date) => formatDateTime(date, locale));
  environment.registerHelper('formatNumber', (value: number) => formatNumber(value, locale));
  environment.registerHelper('plural', (count: number, one: string, other: string) =>
    formatCount(count, one, other, locale),
  );
  const suffix = `.${part}.hbs`;
  for (const dir of [join(TEMPLATES_DIR, 'partials'), join(TEMPLATES_DIR, locale, 'partials')]) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith(suffix))) {
      environment.registerPartial(file.slice(0, -suffix.length), compile(environment, join(dir, file), part));
    }
  }
  return environment;
}

/**
 * Parsing here makes a broken template fail at boot instead of on the first mail; Handlebars
 * then generates the code once, on first use. Strict mode turns a misspelt field into an error
 * rather than a silent gap in a mail.
 */
function compile(environment: typeof Handlebars, path: string, part: Part): Handlebars.TemplateDelegate {
  const source = readFileSync(path, 'utf8');
  return environment.compile(environment.parse(source), { strict: true, noEscape: part === 'text' });
}
