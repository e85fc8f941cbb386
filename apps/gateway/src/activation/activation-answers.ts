import { Injectable } from '@nestjs/common';
import { type ActivationDetails, ErrorCode } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { newCsrfToken } from './activation-csrf';
import { type LinkProblem, linkProblemFor } from './link-problem';
import { type ActivateFormError, ActivationPages, type Locale } from './pages/activation-pages';

/** A rendered page and what the controller must do with the CSRF cookie alongside it. */
export interface ActivationPageAnswer {
  status: number;
  html: string;
  /** Present on every page carrying the form: the cookie must hold the same value. */
  csrfToken?: string;
  /** Once the account is active the cookie has no more use. */
  clearCsrfCookie?: boolean;
}

interface EnteredNames {
  firstName: string;
  lastName: string;
}

/** The pages of the activation flow, each with its HTTP status. */
@Injectable()
export class ActivationAnswers {
  constructor(private readonly pages: ActivationPages) {}

  /** The form with a fresh CSRF token; never a password, which is typed again after any error. */
  form(token: string, details: ActivationDetails, locale: Locale, names: EnteredNames, errors: ActivateFormError[] = [], status = 200): ActivationPageAnswer {
    const csrfToken = newCsrfToken();
    const html = this.pages.render('activate-form', locale, {
      token,
      csrfToken,
      accountName: details.accountName,
      organizationName: details.organizationName,
      firstName: names.firstName,
      lastName: names.lastName,
      errors,
    });
    return { status, html, csrfToken };
  }

  success(details: ActivationDetails, locale: Locale): ActivationPageAnswer {
    const html = this.pages.render('activate-success', locale, { accountName: details.accountName, email: details.email });
    return { status: 200, html, clearCsrfCookie: true };
  }

  linkInvalid(problem: LinkProblem, locale: Locale): ActivationPageAnswer {
    return { status: problem.status, html: this.pages.render('link-invalid', locale, { reason: problem.reason }) };
  }

  /** The page for a refusal of the members service about the link or its own availability. */
  failure(error: unknown, locale: Locale): ActivationPageAnswer {
    const code = errorCode(error);
    const problem = code === undefined ? undefined : linkProblemFor(code);
    if (problem) return this.linkInvalid(problem, locale);
    if (code === ErrorCode.ServiceUnavailable) return { status: 503, html: this.pages.render('unavailable', locale, {}) };
    throw error;
  }
}

export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : undefined;
}
