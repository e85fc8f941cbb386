import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { consoleMessage, type ConsoleMessageKey } from '../pages/console-messages';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleResponder } from '../console-responder';
import { ConsoleSessions } from '../session/console-session';
import { ConsoleSignInUseCase, safeNextPath } from './console-sign-in.usecase';

interface SignInForm {
  email?: unknown;
  password?: unknown;
  next?: unknown;
  _csrf?: unknown;
}

/** Signing in and out of the console, and its language switch. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@Controller()
export class ConsoleSignInController {
  constructor(
    private readonly signIn: ConsoleSignInUseCase,
    private readonly sessions: ConsoleSessions,
    private readonly responder: ConsoleResponder,
  ) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.sessions.current(request);
    this.responder.redirect(response, session ? '/console/members' : '/console/sign-in');
  }

  @Get('console')
  consoleHome(@Res() response: Response): void {
    this.responder.redirect(response, '/console/members');
  }

  @Get('console/sign-in')
  async show(@Req() request: Request, @Res() response: Response, @Query('next') next: unknown, @Query('expired') expired: unknown, @Query('signed-out') signedOut: unknown): Promise<void> {
    if (await this.sessions.current(request)) return this.responder.redirect(response, safeNextPath(next));
    const notice: ConsoleMessageKey | null = expired === '1' ? 'signIn.expired' : signedOut === '1' ? 'signIn.signedOut' : null;
    this.form(request, response, 200, { next: safeNextPath(next), email: '', notice, problem: null });
  }

  @Post('console/sign-in')
  // The API sign-ins' limit per address, in the same shared store: the form is no way around it.
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: SignInForm): Promise<void> {
    const next = safeNextPath(body.next);
    if (!this.sessions.signInFormIsGenuine(request, body._csrf)) {
      return this.form(request, response, 403, { next, email: '', notice: null, problem: 'signIn.staleForm' });
    }
    const outcome = await this.signIn.execute(body);
    if (!outcome.signedIn) return this.form(request, response, outcome.status, { next, email: outcome.email, notice: null, problem: outcome.problem });
    this.sessions.start(response, outcome.access.accessToken, outcome.access.expiresIn, this.sessions.chosenLocale(request) ?? outcome.identity.locale);
    this.responder.redirect(response, next);
  }

  @Post('console/sign-out')
  async signOut(@Req() request: Request, @Res() response: Response, @Body() body: SignInForm): Promise<void> {
    const session = await this.sessions.current(request);
    // Signing out is harmless without a token, but a forged one must not log the admin out either.
    if (session && !this.sessions.formIsGenuine(session, body._csrf)) return this.responder.redirect(response, '/console/members');
    this.sessions.end(response);
    this.responder.redirect(response, '/console/sign-in?signed-out=1');
  }

  @Get('console/language/:locale')
  language(@Param('locale') locale: string, @Query('back') back: unknown, @Res() response: Response): void {
    if (locale === 'fr' || locale === 'en') this.sessions.rememberLocale(response, locale);
    this.responder.redirect(response, safeNextPath(back));
  }

  private form(request: Request, response: Response, status: number, view: { next: string; email: string; notice: ConsoleMessageKey | null; problem: ConsoleMessageKey | null }): void {
    const csrfToken = this.sessions.newSignInToken(response);
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), 'signIn.title'));
    this.responder.page(response, status, 'sign-in', frame, { ...view, signInToken: csrfToken });
  }
}
