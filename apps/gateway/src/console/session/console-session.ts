import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { Locale } from '@app/contracts';
import { AccessTokens } from '../../auth/access-tokens';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { GatewayEnvironment } from '../../config/gateway.environment';

/** The admin's access token, as the API issues it, kept where no script can read it. */
const SESSION_COOKIE = 'roster_console';
/** The sign-in form's double-submit value: there is no session yet to tie a token to. */
const SIGN_IN_CSRF_COOKIE = 'roster_console_sign_in';
const LOCALE_COOKIE = 'roster_console_locale';

/** A signed-in admin and what their pages need: the token every form posts back. */
export interface ConsoleSession {
  admin: AdminPrincipal;
  csrfToken: string;
}

/**
 * Console sessions live in an HttpOnly cookie holding the same signed access token the API
 * issues (so they end when it expires); every form carries a CSRF token derived from that cookie,
 * which another site can neither read nor compute.
 */
@Injectable()
export class ConsoleSessions {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly env: GatewayEnvironment,
  ) {}

  /** The session of the request, or null when there is none or it has expired. */
  async current(request: Request): Promise<ConsoleSession | null> {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || !token) return null;
    const admin = await this.tokens.verifyAdmin(token);
    return admin ? { admin, csrfToken: this.csrfFor(token) } : null;
  }

  /** True when the request carried a session cookie that no longer counts: its admin is told why they must sign in. */
  hadSession(request: Request): boolean {
    return typeof request.cookies?.[SESSION_COOKIE] === 'string';
  }

  formIsGenuine(session: ConsoleSession, submitted: unknown): boolean {
    return sameSecret(session.csrfToken, submitted);
  }

  start(response: Response, accessToken: string, expiresInSeconds: number, locale: Locale): void {
    response.cookie(SESSION_COOKIE, accessToken, { ...this.cookieOptions('/'), maxAge: expiresInSeconds * 1000 });
    this.rememberLocale(response, locale);
    response.clearCookie(SIGN_IN_CSRF_COOKIE, this.cookieOptions('/console/sign-in'));
  }

  end(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions('/'));
  }

  /** A fresh value for the sign-in form, set as its cookie too. */
  newSignInToken(response: Response): string {
    const value = randomBytes(32).toString('base64url');
    response.cookie(SIGN_IN_CSRF_COOKIE, value, { ...this.cookieOptions('/console/sign-in'), sameSite: 'strict' });
    return value;
  }

  signInFormIsGenuine(request: Request, submitted: unknown): boolean {
    return sameSecret(request.cookies?.[SIGN_IN_CSRF_COOKIE], submitted);
  }

  chosenLocale(request: Request): Locale | undefined {
    const value: unknown = request.cookies?.[LOCALE_COOKIE];
    return value === 'fr' || value === 'en' ? value : undefined;
  }

  rememberLocale(response: Response, locale: Locale): void {
    response.cookie(LOCALE_COOKIE, locale, { ...this.cookieOptions('/'), maxAge: 365 * 24 * 3_600_000 });
  }

  private csrfFor(sessionToken: string): string {
    return createHmac('sha256', this.env.JWT_SECRET).update(`console-csrf\u0000${sessionToken}`).digest('base64url');
  }

  /** Lax, so that a link to the console from a mail opens it signed in; forms are guarded by their token. */
  private cookieOptions(path: string): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path, secure: new URL(this.env.PUBLIC_URL).protocol === 'https:' };
  }
}

function sameSecret(expected: unknown, submitted: unknown): boolean {
  if (typeof expected !== 'string' || typeof submitted !== 'string' || !expected || !submitted) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(submitted));
}
