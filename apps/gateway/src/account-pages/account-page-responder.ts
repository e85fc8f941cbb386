import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import type { Locale } from '@app/contracts';
import { csrfTokensMatch, newCsrfToken } from '../activation/activation-csrf';
import { pickPageLocale } from '../activation/pages/page-locale';
import { GatewayEnvironment } from '../config/gateway.environment';
import { AccountPages, type AccountPage, type AccountPageContext } from './account-pages';

/** The double-submit value of these pages' forms, in a cookie only this site's own requests carry. */
const CSRF_COOKIE = 'roster_pages_csrf';
/** A signed-in member's access token, as the API issues it, where no script can read it. */
const MEMBER_SESSION_COOKIE = 'roster_member';

/**
 * How these pages answer: HTML with the activation pages' headers (CSP, no framing, no referrer,
 * never cached), a fresh CSRF value with every form, and the member's session cookie.
 */
@Injectable()
export class AccountPageResponder {
  constructor(
    private readonly pages: AccountPages,
    private readonly env: GatewayEnvironment,
  ) {}

  /** The page language: the one asked (`?lang=`, or the form's), else the browser's, else English. */
  localeOf(request: Request, asked?: unknown): Locale {
    return pickPageLocale(typeof asked === 'string' ? asked : undefined, request.header('accept-language'));
  }

  /** A page; a form page (`withForm`) gets a fresh CSRF value, in the page and in the cookie. */
  page(response: Response, status: number, page: AccountPage, locale: Locale, context: AccountPageContext = {}, withForm = false): void {
    const csrfToken = withForm ? newCsrfToken() : undefined;
    if (csrfToken) response.cookie(CSRF_COOKIE, csrfToken, { ...this.cookieOptions(), sameSite: 'strict' });
    this.headers(response);
    response.status(status).send(this.pages.render(page, locale, { ...context, csrfToken }));
  }

  redirect(response: Response, location: string): void {
    this.headers(response);
    response.redirect(303, location);
  }

  formIsGenuine(request: Request, submitted: string): boolean {
    return csrfTokensMatch(request.cookies?.[CSRF_COOKIE], submitted);
  }

  startSession(response: Response, accessToken: string, expiresInSeconds: number): void {
    response.cookie(MEMBER_SESSION_COOKIE, accessToken, { ...this.cookieOptions(), sameSite: 'lax', maxAge: expiresInSeconds * 1000 });
  }

  endSession(response: Response): void {
    response.clearCookie(MEMBER_SESSION_COOKIE, { ...this.cookieOptions(), sameSite: 'lax' });
  }

  sessionToken(request: Request): string | null {
    const token: unknown = request.cookies?.[MEMBER_SESSION_COOKIE];
    return typeof token === 'string' && token ? token : null;
  }

  private headers(response: Response): void {
    response.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': this.pages.contentSecurityPolicy,
      'X-Frame-Options': 'DENY',
      // The verification page's address carries its token: no other site may see it, no cache may keep it.
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, path: '/', secure: new URL(this.env.PUBLIC_URL).protocol === 'https:' };
  }
}
