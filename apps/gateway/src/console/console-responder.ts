import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Locale } from '@app/contracts';
import { pickPageLocale } from '../activation/pages/page-locale';
import { type ConsoleFrame, type ConsolePageName, ConsolePages } from './pages/console-pages';
import { ConsoleSessions } from './session/console-session';

/**
 * Script and style come from this origin only (console.js, console.css), never inline; forms post
 * back here; no other site may frame a console page.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** How every console answer leaves: its language, its headers, its status. */
@Injectable()
export class ConsoleResponder {
  constructor(
    private readonly pages: ConsolePages,
    private readonly sessions: ConsoleSessions,
  ) {}

  /** The language the admin chose in the console, else their browser's French or English. */
  locale(request: Request): Locale {
    return this.sessions.chosenLocale(request) ?? pickPageLocale(undefined, request.header('accept-language'));
  }

  frame(request: Request, title: string, extra: Omit<ConsoleFrame, 'locale' | 'title' | 'path'> = {}): ConsoleFrame {
    return { locale: this.locale(request), title, path: request.originalUrl, ...extra };
  }

  page(response: Response, status: number, page: ConsolePageName, frame: ConsoleFrame, context: object): void {
    ConsoleResponder.secure(response);
    response.status(status).type('text/html; charset=utf-8').send(this.pages.render(page, frame, context));
  }

  /** 303: the browser follows with a GET, so a reload never posts the form again. */
  redirect(response: Response, location: string): void {
    ConsoleResponder.secure(response);
    response.redirect(303, location);
  }

  static secure(response: Response): void {
    response.set({
      'Content-Security-Policy': CONSOLE_CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
  }
}
