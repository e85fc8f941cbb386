import { Body, Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GatewayEnvironment } from '../config/gateway.environment';
import type { ActivationPageAnswer } from './activation-answers';
import { CSRF_COOKIE, csrfCookieOptions } from './activation-csrf';
import { ActivationPages } from './pages/activation-pages';
import { ShowActivationFormUseCase } from './show-activation-form.usecase';
import { SubmitActivationFormUseCase } from './submit-activation-form.usecase';

/** The member's activation pages: HTML for browsers, outside the bearer-protected JSON API. */
@ApiExcludeController()
@Controller('activate')
export class ActivationController {
  constructor(
    private readonly showForm: ShowActivationFormUseCase,
    private readonly submitForm: SubmitActivationFormUseCase,
    private readonly pages: ActivationPages,
    private readonly env: GatewayEnvironment,
  ) {}

  @Get()
  async show(@Query('token') token: unknown, @Headers('accept-language') acceptLanguage: string | undefined, @Res() response: Response): Promise<void> {
    this.send(response, await this.showForm.execute({ token, acceptLanguage }));
  }

  @Post()
  async submit(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const csrfCookie: unknown = request.cookies?.[CSRF_COOKIE];
    this.send(response, await this.submitForm.execute({ body, csrfCookie, acceptLanguage: request.header('accept-language') }));
  }

  private send(response: Response, answer: ActivationPageAnswer): void {
    response.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': this.pages.contentSecurityPolicy,
      'X-Frame-Options': 'DENY',
      // The page's address carries the token: no other site may see it, no cache may keep it.
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    const cookie = csrfCookieOptions(this.env.PUBLIC_URL);
    if (answer.csrfToken) response.cookie(CSRF_COOKIE, answer.csrfToken, cookie);
    if (answer.clearCsrfCookie) response.clearCookie(CSRF_COOKIE, cookie);
    response.status(answer.status).send(answer.html);
  }
}
